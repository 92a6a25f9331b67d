package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** OpenSearch domain not encrypted at rest. */
public final class OpenSearchEncryptionAtRestRule extends PropertyRule {
    public OpenSearchEncryptionAtRestRule() {
        super("ASP-OS-001", Severity.HIGH, "OpenSearch domain not encrypted at rest",
                "Set EncryptionAtRestOptions.Enabled: true.",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"),
                refs("W54", "CKV_AWS_5", "AwsSolutions-OS8"),
                Expect.TRUE, "Indexes and snapshots are not encrypted", "EncryptionAtRestOptions", "Enabled");
    }
}
