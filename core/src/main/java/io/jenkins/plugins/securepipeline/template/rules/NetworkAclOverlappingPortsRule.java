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
        String other = NetworkAclEntries.overlappingPorts(template).get(resource.logicalId());
        if (other != null) {
            out.report(resource.property("PortRange"), "The ports overlap those of entry " + other);
        }
    }
}
