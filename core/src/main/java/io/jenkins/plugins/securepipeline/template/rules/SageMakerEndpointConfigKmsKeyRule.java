package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker endpoint configuration without a KMS key. */
public final class SageMakerEndpointConfigKmsKeyRule extends ValueRule {
    public SageMakerEndpointConfigKmsKeyRule() {
        super("ASP-SGM-002", Severity.LOW, "SageMaker endpoint configuration without a KMS key",
                "Set KmsKeyId so the ML storage volumes are encrypted with your key.",
                types("AWS::SageMaker::EndpointConfig"),
                refs("W1200"),
                true, Acceptable.notEmpty(), "The endpoint storage is not encrypted with a customer managed key", "KmsKeyId");
    }
}
