package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** OpenSearch domain without audit logs. */
public final class OpenSearchAuditLogsRule extends ValueRule {
    public OpenSearchAuditLogsRule() {
        super("ASP-OS-005", Severity.LOW, "OpenSearch domain without audit logs",
                "Publish LogPublishingOptions.AUDIT_LOGS (Enabled: true, CloudWatchLogsLogGroupArn) and turn on fine-grained access control.",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"),
                refs("CKV_AWS_317"),
                true, Acceptable.isTrue(), "Audit logs are not published", "LogPublishingOptions", "AUDIT_LOGS", "Enabled");
    }
}
