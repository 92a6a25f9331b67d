package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SNS topic not encrypted with KMS. */
public final class SnsTopicEncryptionRule extends PropertyRule {
    public SnsTopicEncryptionRule() {
        super("ASP-SNS-001", Severity.MEDIUM, "SNS topic not encrypted with KMS",
                "Set KmsMasterKeyId (alias/aws/sns or a customer managed key).",
                types("AWS::SNS::Topic"),
                refs("W47", "CKV_AWS_26"),
                Expect.PRESENT, "Messages are stored unencrypted", "KmsMasterKeyId");
    }
}
