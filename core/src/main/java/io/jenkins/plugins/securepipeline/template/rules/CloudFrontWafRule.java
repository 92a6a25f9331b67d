package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudFront distribution without a WAF web ACL. */
public final class CloudFrontWafRule extends PropertyRule {
    public CloudFrontWafRule() {
        super("ASP-CF-004", Severity.LOW, "CloudFront distribution without a WAF web ACL",
                "Set DistributionConfig.WebACLId.",
                types("AWS::CloudFront::Distribution"),
                refs("CKV_AWS_68", "AwsSolutions-CFR2"),
                Expect.PRESENT, "The distribution is not protected by AWS WAF", "DistributionConfig", "WebACLId");
    }
}
