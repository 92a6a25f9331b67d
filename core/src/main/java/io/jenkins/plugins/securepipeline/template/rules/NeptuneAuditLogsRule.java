package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Neptune cluster does not export audit logs. */
public final class NeptuneAuditLogsRule extends ValueRule {
    public NeptuneAuditLogsRule() {
        super("ASP-NEP-002", Severity.LOW, "Neptune cluster does not export audit logs",
                "Add audit to EnableCloudwatchLogsExports (and set neptune_enable_audit_log in the cluster parameter group).",
                types("AWS::Neptune::DBCluster"),
                refs("CKV_AWS_101"),
                true, Acceptable.contains("audit"), "Audit logs are not exported to CloudWatch Logs", "EnableCloudwatchLogsExports");
    }
}
