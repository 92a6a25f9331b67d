package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** EKS cluster secrets not encrypted with KMS. */
public final class EksSecretsEncryptionRule extends PropertyRule {
    public EksSecretsEncryptionRule() {
        super("ASP-EKS-002", Severity.MEDIUM, "EKS cluster secrets not encrypted with KMS",
                "Set EncryptionConfig with a KMS key for the secrets resource.",
                types("AWS::EKS::Cluster"),
                refs("W82", "CKV_AWS_58"),
                Expect.PRESENT, "Kubernetes secrets are not envelope-encrypted", "EncryptionConfig");
    }
}
