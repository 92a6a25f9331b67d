package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** EBS volume without a customer managed key. */
public final class EbsVolumeKmsKeyRule extends ValueRule {
    public EbsVolumeKmsKeyRule() {
        super("ASP-EC2-017", Severity.LOW, "EBS volume without a customer managed key",
                "Set KmsKeyId to a customer managed KMS key.",
                types("AWS::EC2::Volume"),
                refs("W37"),
                true, Acceptable.notEmpty(), "The volume does not name its own KMS key", "KmsKeyId");
    }
}
