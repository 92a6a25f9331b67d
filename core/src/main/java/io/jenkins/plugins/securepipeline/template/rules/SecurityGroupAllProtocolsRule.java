package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** IpProtocol -1 opens every protocol and port. */
public final class SecurityGroupAllProtocolsRule extends TemplateRule {
    public SecurityGroupAllProtocolsRule() {
        super("ASP-EC2-006", Severity.MEDIUM, "Security group rule allows every protocol and port",
                "Name the protocol (tcp, udp, icmp) and port range.", SecurityGroupRule.TYPES, refs("W40", "W42"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            // Egress to loopback only is how a group is made to allow nothing outbound; it is not open traffic.
            if (rule.allProtocols() && !(!rule.ingress() && rule.loopbackOnly())) {
                out.report(rule.protocol(), (rule.ingress() ? "An ingress" : "An egress") + " rule uses IpProtocol -1 (all traffic)");
            }
        }
    }
}
