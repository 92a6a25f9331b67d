package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Kinesis stream not encrypted. */
public final class KinesisStreamEncryptionRule extends PropertyRule {
    public KinesisStreamEncryptionRule() {
        super("ASP-KIN-001", Severity.MEDIUM, "Kinesis stream not encrypted",
                "Set StreamEncryption with EncryptionType KMS and a KeyId.",
                types("AWS::Kinesis::Stream"),
                refs("W49", "CKV_AWS_43"),
                Expect.PRESENT, "Records are stored unencrypted", "StreamEncryption");
    }
}
