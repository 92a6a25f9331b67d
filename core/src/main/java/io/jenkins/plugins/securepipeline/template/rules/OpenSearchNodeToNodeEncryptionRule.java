package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** OpenSearch domain without node-to-node encryption. */
public final class OpenSearchNodeToNodeEncryptionRule extends PropertyRule {
    public OpenSearchNodeToNodeEncryptionRule() {
        super("ASP-OS-002", Severity.MEDIUM, "OpenSearch domain without node-to-node encryption",
                "Set NodeToNodeEncryptionOptions.Enabled: true.",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"),
                refs("W85", "CKV_AWS_6", "AwsSolutions-OS2"),
                Expect.TRUE, "Traffic between the domain's nodes is not encrypted", "NodeToNodeEncryptionOptions", "Enabled");
    }
}
