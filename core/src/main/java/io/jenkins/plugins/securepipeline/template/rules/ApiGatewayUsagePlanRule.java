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
        java.util.Set<String> planned = template.derived("stages named by usage plans", ApiGatewayUsagePlanRule::plannedStages);
        String api = key(resource.property("RestApiId"));
        if (planned.contains("*") || planned.contains("stage " + resource.logicalId())
                || api != null && (planned.contains(api + " *") || planned.contains(api + " " + key(resource.property("StageName"))))) {
            return;
        }
        out.report(null, "No usage plan names this stage");
    }

    /** "stage Id" for a referenced stage, "API STAGE" / "API *" for API and stage name pairs, "*" when any could match. */
    private static java.util.Set<String> plannedStages(TemplateContext template) {
        java.util.Set<String> planned = new java.util.HashSet<>();
        for (Resource plan : template.resourcesOfType("AWS::ApiGateway::UsagePlan")) {
            TemplateNode stages = plan.property("ApiStages");
            if (stages == null) {
                continue;
            }
            if (plan.properties().reachesUnknown("ApiStages")) {
                planned.add("*");
                continue;
            }
            for (TemplateNode stage : stages.asList()) {
                String api = key(stage.get("ApiId"));
                TemplateNode name = stage.get("Stage");
                String target = ResourceLinks.target(name);
                if (!stage.isMap() || api == null) {
                    planned.add("*");
                } else if (target != null) {
                    planned.add("stage " + target);
                    planned.add(api + " *");
                } else {
                    planned.add(api + " " + (name == null || name.isUnknown() ? "*" : key(name)));
                }
            }
        }
        return planned;
    }

    /** A scalar or unknown value as comparable text, or null. */
    private static String key(TemplateNode value) {
        return value == null || !(value.isScalar() || value.isUnknown()) ? null : value.kind() + ":" + value.text();
    }
}
