package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DocumentDB cluster storage not encrypted. */
public final class DocumentDbEncryptionRule extends ValueRule {
    public DocumentDbEncryptionRule() {
        super("ASP-DOC-001", Severity.MEDIUM, "DocumentDB cluster storage not encrypted",
                "Set StorageEncrypted: true.",
                types("AWS::DocDB::DBCluster"),
                refs("CKV_AWS_74", "AwsSolutions-DOC1"),
                true, Acceptable.isTrue(), "The cluster storage is not encrypted (DocumentDB defaults to unencrypted)", "StorageEncrypted");
    }
}
