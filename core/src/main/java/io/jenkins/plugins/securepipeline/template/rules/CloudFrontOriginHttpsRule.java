package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * CloudFront reaches a custom origin without HTTPS only. The other half of cdk-nag's AwsSolutions-CFR5, the TLS
 * versions used towards the origin, is ASP-CF-007.
 */
public final class CloudFrontOriginHttpsRule extends TemplateRule {
    public CloudFrontOriginHttpsRule() {
        super("ASP-CF-005", Severity.MEDIUM, "CloudFront reaches a custom origin without HTTPS only",
                "Set CustomOriginConfig.OriginProtocolPolicy: https-only.",
                types("AWS::CloudFront::Distribution"),
                refs("CKV2_AWS_72", "AwsSolutions-CFR5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode origins = resource.property("DistributionConfig", "Origins");
        if (origins == null) {
            return;
        }
        for (TemplateNode origin : origins.asList()) {
            TemplateNode policy = origin.path("CustomOriginConfig", "OriginProtocolPolicy");
            if (policy != null && policy.isScalar() && !policy.text().trim().equalsIgnoreCase("https-only")) {
                out.report(policy, "Traffic to the origin may travel over plain HTTP (" + policy.text().trim() + ")");
            }
        }
    }
}
