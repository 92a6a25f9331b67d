package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** API Gateway stage not in a usage plan. */
public final class ApiGatewayUsagePlanRule extends TemplateRule {
    public ApiGatewayUsagePlanRule() {
        super("ASP-APIG-009", Severity.LOW, "API Gateway stage not in a usage plan",
                "Add the stage to an AWS::ApiGateway::UsagePlan (ApiStages) to throttle and meter clients.",
                types("AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment"),
                refs("W64", "W68"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode api = resource.property("RestApiId");
        TemplateNode stageName = resource.property("StageName");
        for (Resource plan : template.resourcesOfType("AWS::ApiGateway::UsagePlan")) {
            TemplateNode stages = plan.property("ApiStages");
            if (stages == null || plan.properties().reachesUnknown("ApiStages")) {
                continue;
            }
            for (TemplateNode stage : stages.asList()) {
                TemplateNode planApi = stage.get("ApiId");
                TemplateNode planStage = stage.get("Stage");
                if (!stage.isMap() || io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(planStage, resource.logicalId())
                        || same(planApi, api) && (planStage == null || planStage.isUnknown() || same(planStage, stageName))) {
                    return;
                }
            }
        }
        out.report(null, "No usage plan names this stage");
    }

    private static boolean same(TemplateNode a, TemplateNode b) {
        return a != null && b != null && a.kind() == b.kind() && (a.isScalar() || a.isUnknown()) && a.text().equals(b.text());
    }
}
