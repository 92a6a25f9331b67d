package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Security group ingress rule opens a port range. */
public final class SecurityGroupIngressPortRangeRule extends TemplateRule {
    public SecurityGroupIngressPortRangeRule() {
        super("ASP-EC2-018", Severity.LOW, "Security group ingress rule opens a port range",
                "Open the single ports the service needs.",
                SecurityGroupRule.TYPES,
                refs("W27"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (rule.ingress() == true && rule.fromPort() != null && rule.toPort() != null
                    && rule.fromPort().isScalar() && rule.toPort().isScalar()
                    && !rule.fromPort().text().trim().equals(rule.toPort().text().trim())) {
                out.report(rule.node(), "The rule opens ports " + rule.fromPort().text() + "-" + rule.toPort().text());
            }
        }
    }
}
