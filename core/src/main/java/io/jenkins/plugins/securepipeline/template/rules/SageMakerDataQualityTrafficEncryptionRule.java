package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker data quality job without inter-container encryption. */
public final class SageMakerDataQualityTrafficEncryptionRule extends ValueRule {
    public SageMakerDataQualityTrafficEncryptionRule() {
        super("ASP-SGM-007", Severity.LOW, "SageMaker data quality job without inter-container encryption",
                "Set NetworkConfig.EnableInterContainerTrafficEncryption: true.",
                types("AWS::SageMaker::DataQualityJobDefinition"),
                refs("CKV_AWS_369"),
                true, Acceptable.isTrue(), "Traffic between monitoring instances is not encrypted", "NetworkConfig", "EnableInterContainerTrafficEncryption");
    }
}
