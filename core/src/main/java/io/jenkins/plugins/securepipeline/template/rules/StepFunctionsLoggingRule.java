package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A Step Functions state machine that does not log every execution event to CloudWatch Logs: no logging
 * configuration ({@code LoggingConfiguration}, or {@code Logging} in SAM), or a {@code Level} other than ALL. With
 * ERROR or FATAL the successful executions, and with them the inputs each step was given, leave no trace. A level
 * unknown at template time passes.
 */
public final class StepFunctionsLoggingRule extends TemplateRule {
    public StepFunctionsLoggingRule() {
        super("ASP-SFN-001", Severity.LOW, "Step Functions state machine does not log all events",
                "Set LoggingConfiguration (SAM: Logging) with Level ALL and a CloudWatch Logs log group destination.",
                types("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"), refs("AwsSolutions-SF1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String property = resource.type().equals("AWS::Serverless::StateMachine") ? "Logging" : "LoggingConfiguration";
        if (resource.properties().reachesUnknown(property, "Level")) {
            return;
        }
        TemplateNode level = resource.property(property, "Level");
        if (level == null) {
            out.report(resource.property(property), "Executions are not logged to CloudWatch Logs (" + property
                    + ".Level is not set)");
        } else if (level.isScalar() && !level.is("ALL")) {
            out.report(level, "Only some execution events are logged (Level " + level.text().trim() + ")");
        }
    }
}
