package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Ingress from the whole internet. */
public final class SecurityGroupOpenIngressRule extends TemplateRule {
    public SecurityGroupOpenIngressRule() {
        super("ASP-EC2-001", Severity.MEDIUM, "Security group allows inbound traffic from the internet",
                "Restrict CidrIp to known ranges, or put the service behind a load balancer or VPN.",
                SecurityGroupRule.TYPES, refs("W2", "W9", "AwsSolutions-EC23"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (rule.ingress() && rule.openToWorld()) {
                out.report(rule.worldCidr(), "Inbound traffic is allowed from " + rule.worldCidr().text());
            }
        }
    }
}
