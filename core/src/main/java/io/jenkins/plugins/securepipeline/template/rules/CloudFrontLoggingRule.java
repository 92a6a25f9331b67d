package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * CloudFront distribution without access logging. cdk-nag's AwsSolutions-CFR3 also checks RTMP streaming
 * distributions (AWS::CloudFront::StreamingDistribution); AWS retired those in 2020, so they are not checked here.
 */
public final class CloudFrontLoggingRule extends PropertyRule {
    public CloudFrontLoggingRule() {
        super("ASP-CF-003", Severity.LOW, "CloudFront distribution without access logging",
                "Set DistributionConfig.Logging.",
                types("AWS::CloudFront::Distribution"),
                refs("W10", "CKV_AWS_86", "AwsSolutions-CFR3"),
                Expect.PRESENT, "Viewer requests are not logged", "DistributionConfig", "Logging");
    }
}
