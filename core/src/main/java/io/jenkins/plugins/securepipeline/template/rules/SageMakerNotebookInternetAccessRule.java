package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * SageMaker notebook instance with direct internet access. DirectInternetAccess defaults to Enabled, so a missing
 * property is reported, as cdk-nag's AwsSolutions-SM3 does; an unknown value (a parameter without Default, a
 * condition) passes. Medium rather than high: the notebook gets outbound internet access from the SageMaker
 * network (a way to fetch code or send data out), it does not accept connections from the internet.
 */
public final class SageMakerNotebookInternetAccessRule extends ValueRule {
    public SageMakerNotebookInternetAccessRule() {
        super("ASP-SGM-009", Severity.MEDIUM, "SageMaker notebook with direct internet access",
                "Set DirectInternetAccess: Disabled and SubnetId (with SecurityGroupIds), and reach the internet, if"
                        + " needed, through your VPC's NAT gateway or VPC endpoints.",
                types("AWS::SageMaker::NotebookInstance"),
                refs("AwsSolutions-SM3"),
                true, Acceptable.oneOf("Disabled"),
                "The notebook has direct internet access, outside the controls of your VPC", "DirectInternetAccess");
    }
}
