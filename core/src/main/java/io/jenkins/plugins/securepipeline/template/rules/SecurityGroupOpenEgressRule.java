package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Egress to the whole internet: data can leave to anywhere. */
public final class SecurityGroupOpenEgressRule extends TemplateRule {
    public SecurityGroupOpenEgressRule() {
        super("ASP-EC2-005", Severity.LOW, "Security group allows outbound traffic to the internet",
                "Limit egress to the destinations the workload needs (VPC endpoints, proxies).",
                types("AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress"), refs("W5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (!rule.ingress() && rule.openToWorld()) {
                out.report(rule.worldCidr(), "Outbound traffic is allowed to " + rule.worldCidr().text());
            }
        }
    }
}
