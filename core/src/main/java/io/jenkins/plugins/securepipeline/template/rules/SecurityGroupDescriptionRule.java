package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Rules without description are hard to review and to clean up. */
public final class SecurityGroupDescriptionRule extends TemplateRule {
    public SecurityGroupDescriptionRule() {
        super("ASP-EC2-007", Severity.LOW, "Security group rule without description",
                "Add a Description saying who needs the access and why.", SecurityGroupRule.TYPES,
                refs("W36", "CKV_AWS_23"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (rule.description() == null) {
                out.report(rule.node(), (rule.ingress() ? "An ingress" : "An egress") + " rule has no Description");
            }
        }
    }
}
