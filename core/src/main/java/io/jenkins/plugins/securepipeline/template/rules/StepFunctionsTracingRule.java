package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A Step Functions state machine without X-Ray tracing ({@code TracingConfiguration.Enabled}, in SAM
 * {@code Tracing.Enabled}, missing or false; off by default). A value unknown at template time passes.
 */
public final class StepFunctionsTracingRule extends TemplateRule {
    public StepFunctionsTracingRule() {
        super("ASP-SFN-002", Severity.LOW, "Step Functions state machine without X-Ray tracing",
                "Set TracingConfiguration.Enabled: true (SAM: Tracing.Enabled: true).",
                types("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"), refs("AwsSolutions-SF2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String property = resource.type().equals("AWS::Serverless::StateMachine") ? "Tracing" : "TracingConfiguration";
        if (resource.properties().reachesUnknown(property, "Enabled")) {
            return;
        }
        TemplateNode enabled = resource.property(property, "Enabled");
        if (enabled == null || enabled.isFalse()) {
            out.report(enabled, "Executions are not traced with X-Ray"
                    + (enabled == null ? " (" + property + ".Enabled is not set)" : ""));
        }
    }
}
