package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DAX cluster not encrypted at rest. */
public final class DaxEncryptionRule extends ValueRule {
    public DaxEncryptionRule() {
        super("ASP-DAX-001", Severity.MEDIUM, "DAX cluster not encrypted at rest",
                "Set SSESpecification.SSEEnabled: true.",
                types("AWS::DAX::Cluster"),
                refs("W83", "CKV_AWS_47", "AwsSolutions-DDB4"),
                true, Acceptable.isTrue(), "Server-side encryption is not enabled (DAX defaults to unencrypted)", "SSESpecification", "SSEEnabled");
    }
}
