package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker data quality job output without a KMS key. */
public final class SageMakerDataQualityOutputKmsRule extends ValueRule {
    public SageMakerDataQualityOutputKmsRule() {
        super("ASP-SGM-005", Severity.LOW, "SageMaker data quality job output without a KMS key",
                "Set DataQualityJobOutputConfig.KmsKeyId.",
                types("AWS::SageMaker::DataQualityJobDefinition"),
                refs("CKV_AWS_367"),
                true, Acceptable.notEmpty(), "The monitoring output is not encrypted with a customer managed key", "DataQualityJobOutputConfig", "KmsKeyId");
    }
}
