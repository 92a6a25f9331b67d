package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** EKS enables the public API endpoint unless told otherwise. */
public final class EksPublicEndpointRule extends TemplateRule {
    public EksPublicEndpointRule() {
        super("ASP-EKS-001", Severity.MEDIUM, "EKS API endpoint reachable from the internet",
                "Set ResourcesVpcConfig.EndpointPublicAccess: false (EndpointPrivateAccess: true), or limit PublicAccessCidrs.",
                types("AWS::EKS::Cluster"), refs("AwsSolutions-EKS1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode config = resource.property("ResourcesVpcConfig");
        if (config == null || config.isUnknown()) {
            return;
        }
        TemplateNode open = config.get("EndpointPublicAccess");
        TemplateNode cidrs = config.get("PublicAccessCidrs");
        boolean restricted = cidrs != null && cidrs.asList().stream().noneMatch(c -> {
            CidrBlock block = CidrBlock.parse(c.asText());
            return block != null && block.everyAddress();
        });
        if ((open == null || open.isTrue()) && !restricted) {
            out.report(open == null ? config : open, "The Kubernetes API endpoint is public to the whole internet");
        }
    }
}
