package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * SageMaker notebook instance not in a VPC: without SubnetId it runs in the SageMaker service network, where your
 * security groups, flow logs and VPC endpoints do not apply. cdk-nag's AwsSolutions-SM1 reports any resolved
 * absence the same way; here an unknown SubnetId (a parameter without Default, a condition) passes. Low, as for
 * Lambda functions outside a VPC: the exposure itself (direct internet access, always on without a subnet) is
 * reported by ASP-SGM-009.
 */
public final class SageMakerNotebookVpcRule extends ValueRule {
    public SageMakerNotebookVpcRule() {
        super("ASP-SGM-010", Severity.LOW, "SageMaker notebook not in a VPC",
                "Set SubnetId and SecurityGroupIds so the notebook runs in your VPC.",
                types("AWS::SageMaker::NotebookInstance"),
                refs("AwsSolutions-SM1"),
                true, Acceptable.notEmpty(), "The notebook is not in a VPC", "SubnetId");
    }
}
