package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/** ViewerProtocolPolicy allow-all serves content over plain HTTP. */
public final class CloudFrontViewerProtocolRule extends TemplateRule {
    public CloudFrontViewerProtocolRule() {
        super("ASP-CF-001", Severity.MEDIUM, "CloudFront distribution serves plain HTTP",
                "Set ViewerProtocolPolicy to redirect-to-https or https-only on every cache behavior.",
                types("AWS::CloudFront::Distribution"), refs("CKV_AWS_34"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        List<TemplateNode> behaviors = new ArrayList<>();
        TemplateNode main = resource.property("DistributionConfig", "DefaultCacheBehavior");
        if (main != null) {
            behaviors.add(main);
        }
        TemplateNode others = resource.property("DistributionConfig", "CacheBehaviors");
        if (others != null) {
            behaviors.addAll(others.asList());
        }
        for (TemplateNode behavior : behaviors) {
            TemplateNode policy = behavior.get("ViewerProtocolPolicy");
            if (policy != null && policy.is("allow-all")) {
                out.report(policy, "A cache behavior accepts plain HTTP from viewers");
            }
        }
    }
}
