package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/** AWS::EC2::NetworkAclEntry resources seen together: entries of one ACL and one direction decide as a group. */
final class NetworkAclEntries {
    private NetworkAclEntries() {}

    /**
     * The other entries of the same network ACL (the same literal ID, or the same Ref/GetAtt) and the same direction.
     * Entries whose ACL is not known are never grouped.
     */
    static List<Resource> sameAclAndDirection(Resource entry, TemplateContext template) {
        List<Resource> others = new ArrayList<>();
        TemplateNode acl = entry.property("NetworkAclId");
        if (acl == null || !(acl.isScalar() || acl.isUnknown())) {
            return others;
        }
        boolean egress = isEgress(entry);
        for (Resource other : template.resourcesOfType("AWS::EC2::NetworkAclEntry")) {
            TemplateNode otherAcl = other.property("NetworkAclId");
            if (other != entry && otherAcl != null && otherAcl.kind() == acl.kind() && otherAcl.text().equals(acl.text())
                    && isEgress(other) == egress) {
                others.add(other);
            }
        }
        return others;
    }

    private static boolean isEgress(Resource entry) {
        TemplateNode egress = entry.property("Egress");
        return egress != null && egress.isTrue();
    }

    /** {from, to} of a TCP (6) or UDP (17) entry with literal ports, otherwise null. */
    static long[] tcpOrUdpPorts(Resource entry) {
        TemplateNode protocol = entry.property("Protocol");
        if (protocol == null || !protocol.isScalar() || !List.of("6", "17").contains(protocol.text().trim())) {
            return null;
        }
        Long from = ValueRule.number(entry.property("PortRange", "From"));
        Long to = ValueRule.number(entry.property("PortRange", "To"));
        return from == null || to == null ? null : new long[] {from, to};
    }
}
