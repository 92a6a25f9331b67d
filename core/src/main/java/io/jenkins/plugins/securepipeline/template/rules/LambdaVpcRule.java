package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda function not in a VPC. */
public final class LambdaVpcRule extends ValueRule {
    public LambdaVpcRule() {
        super("ASP-LMB-002", Severity.LOW, "Lambda function not in a VPC",
                "Set VpcConfig with private subnets and security groups, if the function reaches resources in a VPC or must not reach the internet directly.",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("W89", "CKV_AWS_117"),
                true, Acceptable.anyValue(), "The function runs outside any VPC", "VpcConfig");
    }
}
