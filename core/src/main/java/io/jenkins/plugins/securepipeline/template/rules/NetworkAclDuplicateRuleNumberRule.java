package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

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
        TemplateNode number = resource.property("RuleNumber");
        if (number == null || !number.isScalar()) {
            return;
        }
        for (Resource other : NetworkAclEntries.sameAclAndDirection(resource, template)) {
            TemplateNode otherNumber = other.property("RuleNumber");
            if (otherNumber != null && otherNumber.isScalar() && otherNumber.text().trim().equals(number.text().trim())) {
                out.report(number, "Entry " + other.logicalId() + " has the same rule number, so one of them never applies");
                return;
            }
        }
    }
}
