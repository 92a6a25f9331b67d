package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** IoT policy allows every resource. */
public final class IotPolicyResourceStarRule extends TemplateRule {
    public IotPolicyResourceStarRule() {
        super("ASP-IOT-002", Severity.MEDIUM, "IoT policy allows every resource",
                "Name the client, topic and thing ARNs (policy variables such as ${iot:Connection.Thing.ThingName} help).",
                types("AWS::IoT::Policy"),
                refs("W39"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("PolicyDocument"))) {
            if (statement.allow() && statement.anyResourceIsStar()) {
                out.report(statement.resource(), "The statement applies to every IoT resource");
            }
        }
    }
}
