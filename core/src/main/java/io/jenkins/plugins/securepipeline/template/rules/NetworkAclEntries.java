package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS::EC2::NetworkAclEntry resources seen together: entries of one ACL and one direction decide as a group. The
 * groups and the conflicts in them are computed once per template (sorted, not pairwise), so a template with
 * thousands of entries stays fast.
 */
final class NetworkAclEntries {
    private NetworkAclEntries() {}

    /**
     * Entries grouped by network ACL (the same literal ID, or the same Ref/GetAtt) and direction; the IP version is
     * part of the key when {@code byIpVersion}. Entries whose ACL is not known are left out.
     */
    private static Map<String, List<Resource>> groups(TemplateContext template, boolean byIpVersion) {
        Map<String, List<Resource>> groups = new LinkedHashMap<>();
        for (Resource entry : template.resourcesOfType("AWS::EC2::NetworkAclEntry")) {
            TemplateNode acl = entry.property("NetworkAclId");
            if (acl == null || !(acl.isScalar() || acl.isUnknown())) {
                continue;
            }
            TemplateNode egress = entry.property("Egress");
            String key = acl.kind() + "\0" + acl.text() + "\0" + (egress != null && egress.isTrue())
                    + (byIpVersion ? "\0" + (entry.property("Ipv6CidrBlock") == null) : "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        return groups;
    }

    /** Logical ID of an entry to the logical ID of another entry of its group with the same rule number. */
    static Map<String, String> duplicateRuleNumbers(TemplateContext template) {
        return template.derived("network ACL entries sharing a rule number", context -> {
            Map<String, String> duplicates = new HashMap<>();
            for (List<Resource> group : groups(context, false).values()) {
                Map<String, String> firstByNumber = new HashMap<>();
                for (Resource entry : group) {
                    Long number = ValueRule.number(entry.property("RuleNumber"));
                    if (number == null) {
                        continue;
                    }
                    String first = firstByNumber.putIfAbsent(number.toString(), entry.logicalId());
                    if (first != null) {
                        duplicates.put(entry.logicalId(), first);
                        duplicates.putIfAbsent(first, entry.logicalId());
                    }
                }
            }
            return duplicates;
        });
    }

    /** Logical ID of a TCP/UDP entry to the logical ID of another entry of its group whose ports overlap. */
    static Map<String, String> overlappingPorts(TemplateContext template) {
        return template.derived("network ACL entries with overlapping ports", context -> {
            Map<String, String> overlaps = new HashMap<>();
            for (List<Resource> group : groups(context, true).values()) {
                List<Ports> ranges = new ArrayList<>();
                for (Resource entry : group) {
                    long[] ports = tcpOrUdpPorts(entry);
                    if (ports != null) {
                        ranges.add(new Ports(entry.logicalId(), Math.min(ports[0], ports[1]), Math.max(ports[0], ports[1])));
                    }
                }
                ranges.sort(Comparator.comparingLong(Ports::from));
                // Sorted by start, a range overlaps an earlier one when it starts before the furthest earlier end,
                // and a later one when the next range starts before its own end.
                Ports furthest = null;
                for (int i = 0; i < ranges.size(); i++) {
                    Ports range = ranges.get(i);
                    if (furthest != null && range.from() <= furthest.to()) {
                        overlaps.putIfAbsent(range.id(), furthest.id());
                    } else if (i + 1 < ranges.size() && ranges.get(i + 1).from() <= range.to()) {
                        overlaps.putIfAbsent(range.id(), ranges.get(i + 1).id());
                    }
                    if (furthest == null || range.to() > furthest.to()) {
                        furthest = range;
                    }
                }
            }
            return overlaps;
        });
    }

    private record Ports(String id, long from, long to) {}

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
