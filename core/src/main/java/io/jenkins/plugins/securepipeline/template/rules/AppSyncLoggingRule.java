package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** AppSync API without logging. */
public final class AppSyncLoggingRule extends ValueRule {
    public AppSyncLoggingRule() {
        super("ASP-APPS-001", Severity.LOW, "AppSync API without logging",
                "Add LogConfig with a CloudWatchLogsRoleArn.",
                types("AWS::AppSync::GraphQLApi"),
                refs("CKV_AWS_193", "AwsSolutions-ASC3"),
                true, Acceptable.anyValue(), "Requests are not logged", "LogConfig");
    }
}
