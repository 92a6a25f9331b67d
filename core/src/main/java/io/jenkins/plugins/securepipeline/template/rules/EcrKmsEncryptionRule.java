package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** ECR repository without KMS encryption. */
public final class EcrKmsEncryptionRule extends ValueRule {
    public EcrKmsEncryptionRule() {
        super("ASP-ECR-004", Severity.LOW, "ECR repository without KMS encryption",
                "Set EncryptionConfiguration.EncryptionType: KMS (and KmsKey).",
                types("AWS::ECR::Repository"),
                refs("CKV_AWS_136"),
                true, Acceptable.oneOf("KMS", "KMS_DSSE"), "Images are encrypted with AES256 managed by ECR, not with a KMS key", "EncryptionConfiguration", "EncryptionType");
    }
}
