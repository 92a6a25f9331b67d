package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Neptune cluster storage not encrypted. */
public final class NeptuneStorageEncryptionRule extends ValueRule {
    public NeptuneStorageEncryptionRule() {
        super("ASP-NEP-001", Severity.MEDIUM, "Neptune cluster storage not encrypted",
                "Set StorageEncrypted: true (and KmsKeyId for a customer managed key).",
                types("AWS::Neptune::DBCluster"),
                refs("F30", "CKV_AWS_44", "AwsSolutions-N4"),
                true, Acceptable.isTrue(), "The cluster storage is not encrypted", "StorageEncrypted");
    }
}
