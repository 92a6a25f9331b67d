package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One ingress or egress rule, whether written inside a security group or as a separate SecurityGroupIngress /
 * SecurityGroupEgress resource.
 */
public record SecurityGroupRule(TemplateNode node, boolean ingress, TemplateNode cidrIp, TemplateNode cidrIpv6,
        TemplateNode protocol, TemplateNode fromPort, TemplateNode toPort, TemplateNode description) {

    public static final List<String> TYPES = List.of("AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
            "AWS::EC2::SecurityGroupEgress");

    public static List<SecurityGroupRule> of(Resource resource) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        switch (resource.type()) {
            case "AWS::EC2::SecurityGroup":
                add(rules, resource.property("SecurityGroupIngress"), true);
                add(rules, resource.property("SecurityGroupEgress"), false);
                break;
            case "AWS::EC2::SecurityGroupIngress":
                rules.add(from(resource.properties(), true));
                break;
            case "AWS::EC2::SecurityGroupEgress":
                rules.add(from(resource.properties(), false));
                break;
            default:
                break;
        }
        return rules;
    }

    private static void add(List<SecurityGroupRule> rules, TemplateNode list, boolean ingress) {
        if (list != null) {
            for (TemplateNode item : list.asList()) {
                if (item.isMap()) {
                    rules.add(from(item, ingress));
                }
            }
        }
    }

    private static SecurityGroupRule from(TemplateNode node, boolean ingress) {
        return new SecurityGroupRule(node, ingress, node.get("CidrIp"), node.get("CidrIpv6"), node.get("IpProtocol"),
                node.get("FromPort"), node.get("ToPort"), node.get("Description"));
    }

    /** A block covering every address (0.0.0.0/0, ::/0 in any spelling): the whole internet. */
    public boolean openToWorld() {
        return worldCidr() != null;
    }

    /** The CidrIp or CidrIpv6 that covers every address, or null. */
    public TemplateNode worldCidr() {
        for (TemplateNode cidr : new TemplateNode[] {cidrIp, cidrIpv6}) {
            CidrBlock block = cidr == null ? null : CidrBlock.parse(cidr.asText());
            if (block != null && block.everyAddress()) {
                return cidr;
            }
        }
        return null;
    }

    /**
     * Only loopback addresses (127.0.0.1/32, ::1/128): such a rule lets nothing leave the host. It is the usual way to
     * replace the default "allow all outbound" rule with one that allows nothing.
     */
    public boolean loopbackOnly() {
        CidrBlock v4 = cidrIp == null ? null : CidrBlock.parse(cidrIp.asText());
        CidrBlock v6 = cidrIpv6 == null ? null : CidrBlock.parse(cidrIpv6.asText());
        boolean any = v4 != null || v6 != null;
        return any && (cidrIp == null || v4 != null && v4.loopback()) && (cidrIpv6 == null || v6 != null && v6.loopback());
    }

    /** Protocol -1 (or "all"): every protocol and port. */
    public boolean allProtocols() {
        return protocol != null && protocol.is("-1", "all");
    }

    /** True when the rule certainly includes the TCP port; unknown ports are not assumed to include it. */
    public boolean includesPort(int port) {
        if (allProtocols()) {
            return true;
        }
        if (protocol == null || !protocol.is("tcp", "6")) {
            return false;
        }
        Integer from = number(fromPort);
        Integer to = number(toPort);
        if (from == null || to == null) {
            return false;
        }
        return from == -1 || from <= port && port <= to;
    }

    private static Integer number(TemplateNode node) {
        if (node == null || !node.isScalar() || !node.text().trim().matches("-?\\d{1,6}")) {
            return null;
        }
        return Integer.parseInt(node.text().trim());
    }
}
