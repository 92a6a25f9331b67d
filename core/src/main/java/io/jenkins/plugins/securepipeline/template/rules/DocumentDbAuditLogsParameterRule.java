package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DocumentDB parameter group does not turn audit logs on. */
public final class DocumentDbAuditLogsParameterRule extends ValueRule {
    public DocumentDbAuditLogsParameterRule() {
        super("ASP-DOC-005", Severity.LOW, "DocumentDB parameter group does not turn audit logs on",
                "Set the audit_logs parameter to enabled (or all, ddl, dml_read, dml_write).",
                types("AWS::DocDB::DBClusterParameterGroup"),
                refs("CKV_AWS_104"),
                true, Acceptable.oneOf("enabled", "all", "ddl", "dml_read", "dml_write"), "Audit logging is off", "Parameters", "audit_logs");
    }
}
