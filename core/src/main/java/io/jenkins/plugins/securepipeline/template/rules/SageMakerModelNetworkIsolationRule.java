package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker model without network isolation. */
public final class SageMakerModelNetworkIsolationRule extends ValueRule {
    public SageMakerModelNetworkIsolationRule() {
        super("ASP-SGM-004", Severity.LOW, "SageMaker model without network isolation",
                "Set EnableNetworkIsolation: true.",
                types("AWS::SageMaker::Model"),
                refs("CKV_AWS_370"),
                true, Acceptable.isTrue(), "The model container can make outbound network calls", "EnableNetworkIsolation");
    }
}
