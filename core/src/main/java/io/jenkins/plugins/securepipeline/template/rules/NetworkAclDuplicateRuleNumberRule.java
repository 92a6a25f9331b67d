package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Network ACL entries share a rule number. */
public final class NetworkAclDuplicateRuleNumberRule extends TemplateRule {
    public NetworkAclDuplicateRuleNumberRule() {
        super("ASP-EC2-020", Severity.HIGH, "Network ACL entries share a rule number",
                "Give every entry of one ACL and direction its own RuleNumber.",
                types("AWS::EC2::NetworkAclEntry"),
                refs("F79"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String other = NetworkAclEntries.duplicateRuleNumbers(template).get(resource.logicalId());
        if (other != null) {
            out.report(resource.property("RuleNumber"), "Entry " + other + " has the same rule number, so one of them never applies");
        }
    }
}
