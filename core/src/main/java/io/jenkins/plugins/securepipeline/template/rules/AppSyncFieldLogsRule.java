package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** AppSync API without field-level logs. */
public final class AppSyncFieldLogsRule extends ValueRule {
    public AppSyncFieldLogsRule() {
        super("ASP-APPS-002", Severity.LOW, "AppSync API without field-level logs",
                "Set LogConfig.FieldLogLevel to ERROR or ALL.",
                types("AWS::AppSync::GraphQLApi"),
                refs("CKV_AWS_194"),
                true, Acceptable.oneOf("ERROR", "ALL"), "Field-level logging is off", "LogConfig", "FieldLogLevel");
    }
}
