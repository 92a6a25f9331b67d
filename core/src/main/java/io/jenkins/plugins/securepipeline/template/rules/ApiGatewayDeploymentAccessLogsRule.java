package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A REST API deployment that creates its stage inline, without access logging. */
public final class ApiGatewayDeploymentAccessLogsRule extends TemplateRule {
    public ApiGatewayDeploymentAccessLogsRule() {
        super("ASP-APIG-004", Severity.LOW, "API Gateway deployment creates a stage without access logs",
                "Set StageDescription.AccessLogSetting, or declare an AWS::ApiGateway::Stage with AccessLogSetting.",
                types("AWS::ApiGateway::Deployment"), refs("W45"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode stage = resource.property("StageName");
        if (stage != null && resource.property("StageDescription", "AccessLogSetting") == null) {
            out.report(stage, "The stage created by this deployment does not log access");
        }
    }
}
