package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Security group egress rule opens a port range. */
public final class SecurityGroupEgressPortRangeRule extends TemplateRule {
    public SecurityGroupEgressPortRangeRule() {
        super("ASP-EC2-019", Severity.LOW, "Security group egress rule opens a port range",
                "Open the single ports the service needs.",
                SecurityGroupRule.TYPES,
                refs("W29"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (rule.ingress() == false && rule.fromPort() != null && rule.toPort() != null
                    && rule.fromPort().isScalar() && rule.toPort().isScalar()
                    && !rule.fromPort().text().trim().equals(rule.toPort().text().trim())) {
                out.report(rule.node(), "The rule opens ports " + rule.fromPort().text() + "-" + rule.toPort().text());
            }
        }
    }
}
