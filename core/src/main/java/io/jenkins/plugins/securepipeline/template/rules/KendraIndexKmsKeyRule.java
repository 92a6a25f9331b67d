package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Kendra index without a customer managed key. */
public final class KendraIndexKmsKeyRule extends ValueRule {
    public KendraIndexKmsKeyRule() {
        super("ASP-KDR-001", Severity.LOW, "Kendra index without a customer managed key",
                "Set ServerSideEncryptionConfiguration.KmsKeyId.",
                types("AWS::Kendra::Index"),
                refs("W80"),
                true, Acceptable.notEmpty(), "The index does not name its own KMS key", "ServerSideEncryptionConfiguration", "KmsKeyId");
    }
}
