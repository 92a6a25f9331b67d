package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Backup vault without a customer managed key. */
public final class BackupVaultKmsKeyRule extends ValueRule {
    public BackupVaultKmsKeyRule() {
        super("ASP-BAK-001", Severity.LOW, "Backup vault without a customer managed key",
                "Set EncryptionKeyArn to a customer managed KMS key.",
                types("AWS::Backup::BackupVault"),
                refs("CKV_AWS_166"),
                true, Acceptable.notEmpty(), "The vault does not name its own KMS key", "EncryptionKeyArn");
    }
}
