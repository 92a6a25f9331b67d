package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Redshift cluster without audit logging. */
public final class RedshiftAuditLoggingRule extends ValueRule {
    public RedshiftAuditLoggingRule() {
        super("ASP-RS-003", Severity.LOW, "Redshift cluster without audit logging",
                "Add LoggingProperties (an S3 bucket or CloudWatch Logs destination).",
                types("AWS::Redshift::Cluster"),
                refs("CKV_AWS_71", "AwsSolutions-RS5"),
                true, Acceptable.anyValue(), "Audit logging is off", "LoggingProperties");
    }
}
