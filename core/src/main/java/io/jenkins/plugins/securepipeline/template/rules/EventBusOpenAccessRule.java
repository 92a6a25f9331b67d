package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An EventBridge event bus policy that lets every principal act on the bus with no condition: anyone in any account
 * can put events on it. An {@code AWS::Events::EventBusPolicy} is open when its {@code Principal} is "*" without a
 * complete {@code Condition} (Type, Key and Value), or when its {@code Statement} allows everyone with no Condition,
 * as in cdk-nag's AwsSolutions-EVB1. Beyond cdk-nag, the {@code Policy} document of an {@code AWS::Events::EventBus}
 * is checked the same way (every Allow statement): it grants the same access. Values unknown at template time (a
 * Principal or Condition from a parameter) are not reported.
 */
public final class EventBusOpenAccessRule extends TemplateRule {
    private static final String MESSAGE = "Any principal in any account can use the event bus, with no condition";

    public EventBusOpenAccessRule() {
        super("ASP-EVB-001", Severity.HIGH, "EventBridge event bus policy open to everyone",
                "Name the accounts in Principal, or add a Condition such as aws:PrincipalOrgID.",
                types("AWS::Events::EventBusPolicy", "AWS::Events::EventBus"), refs("AwsSolutions-EVB1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.type().equals("AWS::Events::EventBus")) {
            for (PolicyStatement statement : PolicyStatement.of(resource.property("Policy"))) {
                reportIfOpen(statement, out);
            }
            return;
        }
        TemplateNode principal = resource.property("Principal");
        if (principal != null && principal.isScalar() && principal.text().trim().equals("*")
                && incomplete(resource.property("Condition"))) {
            out.report(principal, MESSAGE);
        }
        TemplateNode statement = resource.property("Statement");
        if (statement != null && statement.isScalar()) {
            statement = io.jenkins.plugins.securepipeline.template.TemplateReader.embeddedJson(statement);
        }
        PolicyStatement single = PolicyStatement.ofStatement(statement);
        if (single != null) {
            reportIfOpen(single, out);
        }
    }

    private static void reportIfOpen(PolicyStatement statement, RuleFindings out) {
        TemplateNode condition = statement.condition();
        if (statement.allow() && statement.principalIsEveryone()
                && (condition == null || condition.isMap() && condition.entries().isEmpty())) {
            out.report(statement.principal(), MESSAGE);
        }
    }

    /** A Condition that is absent, or a known map lacking one of Type, Key and Value, narrows nothing. */
    private static boolean incomplete(TemplateNode condition) {
        if (condition == null) {
            return true;
        }
        if (!condition.isMap()) {
            return false;
        }
        return condition.get("Type") == null || condition.get("Key") == null || condition.get("Value") == null;
    }
}
