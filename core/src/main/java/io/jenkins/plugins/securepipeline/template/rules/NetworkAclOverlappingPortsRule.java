package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Network ACL entries overlap in ports. */
public final class NetworkAclOverlappingPortsRule extends TemplateRule {
    public NetworkAclOverlappingPortsRule() {
        super("ASP-EC2-022", Severity.LOW, "Network ACL entries overlap in ports",
                "Make the port ranges of one ACL and direction disjoint so every entry has an effect.",
                types("AWS::EC2::NetworkAclEntry"),
                refs("W72"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        long[] range = NetworkAclEntries.tcpOrUdpPorts(resource);
        if (range == null) {
            return;
        }
        for (Resource other : NetworkAclEntries.sameAclAndDirection(resource, template)) {
            long[] otherRange = NetworkAclEntries.tcpOrUdpPorts(other);
            if (otherRange != null && range[0] <= otherRange[1] && otherRange[0] <= range[1]
                    && (resource.property("Ipv6CidrBlock") == null) == (other.property("Ipv6CidrBlock") == null)) {
                out.report(resource.property("PortRange"), "The ports overlap those of entry " + other.logicalId());
                return;
            }
        }
    }
}
