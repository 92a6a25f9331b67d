package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A REST API stage without CloudWatch execution logging for all its methods: no {@code MethodSettings} entry with
 * {@code HttpMethod "*"}, {@code ResourcePath "/*"} and {@code LoggingLevel} ERROR or INFO. Execution logs (what
 * API Gateway did with a request: authorizer results, integration errors) are not the access logs of ASP-APIG-001.
 *
 * <p>Deliberate difference from cdk-nag's AwsSolutions-APIG6: a {@code MethodSettings} list, or an entry of it, that
 * is unknown at template time counts in the stage's favour, since it may hold the setting.
 */
public final class ApiGatewayStageExecutionLogsRule extends TemplateRule {
    public ApiGatewayStageExecutionLogsRule() {
        super("ASP-APIG-014", Severity.LOW, "API Gateway REST API stage without execution logging",
                "Add a MethodSettings entry with HttpMethod \"*\", ResourcePath \"/*\" and LoggingLevel ERROR or INFO"
                        + " (the account needs an API Gateway CloudWatch Logs role).",
                types("AWS::ApiGateway::Stage", "AWS::Serverless::Api"), refs("AwsSolutions-APIG6"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().reachesUnknown("MethodSettings")) {
            return;
        }
        TemplateNode settings = resource.property("MethodSettings");
        if (settings != null) {
            for (TemplateNode setting : settings.asList()) {
                if (!setting.isMap() || logsEverything(setting)) {
                    return;
                }
            }
        }
        out.report(settings, "Execution logs are not written to CloudWatch Logs for all methods"
                + (settings == null ? " (MethodSettings is not set)" : ""));
    }

    /** True when the entry covers every method with ERROR or INFO logging; a field unknown at template time may. */
    private static boolean logsEverything(TemplateNode setting) {
        return may(setting.get("HttpMethod"), "*") && may(setting.get("ResourcePath"), "/*")
                && may(setting.get("LoggingLevel"), "ERROR", "INFO");
    }

    private static boolean may(TemplateNode value, String... wanted) {
        return value != null && (value.isUnknown() || value.is(wanted));
    }
}
