package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Timestream database without a customer managed key. */
public final class TimestreamKmsKeyRule extends ValueRule {
    public TimestreamKmsKeyRule() {
        super("ASP-TS-001", Severity.LOW, "Timestream database without a customer managed key",
                "Set KmsKeyId to a customer managed KMS key.",
                types("AWS::Timestream::Database"),
                refs("CKV_AWS_160", "AwsSolutions-TS3"),
                true, Acceptable.notEmpty(), "The database is encrypted with an AWS owned key that you cannot control or audit", "KmsKeyId");
    }
}
