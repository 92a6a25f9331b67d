package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** IoT policy allows every action. */
public final class IotPolicyActionStarRule extends TemplateRule {
    public IotPolicyActionStarRule() {
        super("ASP-IOT-001", Severity.MEDIUM, "IoT policy allows every action",
                "List the iot: actions the devices need.",
                types("AWS::IoT::Policy"),
                refs("W38"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("PolicyDocument"))) {
            if (statement.allow() && statement.actions().stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase("iot:*"))) {
                out.report(statement.action(), "The statement allows every IoT action");
            }
        }
    }
}
