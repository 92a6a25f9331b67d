package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DocumentDB cluster exports neither audit nor profiler logs. */
public final class DocumentDbLogExportsRule extends ValueRule {
    public DocumentDbLogExportsRule() {
        super("ASP-DOC-002", Severity.LOW, "DocumentDB cluster exports neither audit nor profiler logs",
                "Add audit and/or profiler to EnableCloudwatchLogsExports.",
                types("AWS::DocDB::DBCluster"),
                refs("CKV_AWS_85"),
                true, Acceptable.containsAny("audit", "profiler"), "Neither audit nor profiler logs are exported to CloudWatch Logs", "EnableCloudwatchLogsExports");
    }
}
