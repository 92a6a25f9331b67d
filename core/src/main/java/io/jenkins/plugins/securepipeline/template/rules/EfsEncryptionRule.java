package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** EFS file system not encrypted at rest. */
public final class EfsEncryptionRule extends PropertyRule {
    public EfsEncryptionRule() {
        super("ASP-EFS-001", Severity.HIGH, "EFS file system not encrypted at rest",
                "Set Encrypted: true (optionally KmsKeyId); it cannot be changed after creation.",
                types("AWS::EFS::FileSystem"),
                refs("F32", "CKV_AWS_42", "AwsSolutions-EFS1"),
                Expect.TRUE, "The file system is not encrypted", "Encrypted");
    }
}
