package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker notebook or domain without a customer managed key. */
public final class SageMakerKmsKeyRule extends ValueRule {
    public SageMakerKmsKeyRule() {
        super("ASP-SGM-001", Severity.LOW, "SageMaker notebook or domain without a customer managed key",
                "Set KmsKeyId to a customer managed KMS key.",
                types("AWS::SageMaker::NotebookInstance", "AWS::SageMaker::Domain"),
                refs("W1201", "CKV_AWS_187", "AwsSolutions-SM2"),
                true, Acceptable.notEmpty(), "Storage is not encrypted with a customer managed key", "KmsKeyId");
    }
}
