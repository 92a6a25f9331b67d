package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** An allowing NACL entry for every protocol, or every TCP/UDP port. */
public final class NetworkAclAllPortsRule extends TemplateRule {
    public NetworkAclAllPortsRule() {
        super("ASP-EC2-011", Severity.MEDIUM, "Network ACL entry allows all ports",
                "Use protocol 6 or 17 with the port range the subnet needs.", types("AWS::EC2::NetworkAclEntry"),
                refs("W66", "W67"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode action = resource.property("RuleAction");
        if (action == null || !action.is("allow")) {
            return;
        }
        TemplateNode protocol = resource.property("Protocol");
        if (protocol != null && protocol.is("-1", "all")) {
            out.report(protocol, "The entry allows every protocol and port");
            return;
        }
        TemplateNode from = resource.property("PortRange", "From");
        TemplateNode to = resource.property("PortRange", "To");
        if (from != null && to != null && "0".equals(from.asText()) && "65535".equals(to.asText())) {
            out.report(from, "The entry allows ports 0-65535");
        }
    }
}
