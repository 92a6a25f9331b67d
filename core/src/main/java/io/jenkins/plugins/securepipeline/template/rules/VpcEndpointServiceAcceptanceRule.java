package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** VPC endpoint service accepts connections without review. */
public final class VpcEndpointServiceAcceptanceRule extends ValueRule {
    public VpcEndpointServiceAcceptanceRule() {
        super("ASP-EC2-016", Severity.MEDIUM, "VPC endpoint service accepts connections without review",
                "Set AcceptanceRequired: true.",
                types("AWS::EC2::VPCEndpointService"),
                refs("CKV_AWS_123"),
                true, Acceptable.isTrue(), "Any allowed principal can connect without the service owner accepting it", "AcceptanceRequired");
    }
}
