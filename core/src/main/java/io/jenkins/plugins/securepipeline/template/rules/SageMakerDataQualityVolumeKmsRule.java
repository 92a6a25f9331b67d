package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker data quality job volume without a KMS key. */
public final class SageMakerDataQualityVolumeKmsRule extends ValueRule {
    public SageMakerDataQualityVolumeKmsRule() {
        super("ASP-SGM-006", Severity.LOW, "SageMaker data quality job volume without a KMS key",
                "Set JobResources.ClusterConfig.VolumeKmsKeyId.",
                types("AWS::SageMaker::DataQualityJobDefinition"),
                refs("CKV_AWS_368"),
                true, Acceptable.notEmpty(), "The attached storage volume is not encrypted with a customer managed key", "JobResources", "ClusterConfig", "VolumeKmsKeyId");
    }
}
