package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudFront distribution without access logging. */
public final class CloudFrontLoggingRule extends PropertyRule {
    public CloudFrontLoggingRule() {
        super("ASP-CF-003", Severity.LOW, "CloudFront distribution without access logging",
                "Set DistributionConfig.Logging.",
                types("AWS::CloudFront::Distribution"),
                refs("W10", "CKV_AWS_86"),
                Expect.PRESENT, "Viewer requests are not logged", "DistributionConfig", "Logging");
    }
}
