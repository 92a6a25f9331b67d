package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** ECS cluster without Container Insights. */
public final class EcsContainerInsightsRule extends TemplateRule {
    public EcsContainerInsightsRule() {
        super("ASP-ECS-001", Severity.LOW, "ECS cluster without Container Insights",
                "Add ClusterSettings [{Name: containerInsights, Value: enabled}].",
                types("AWS::ECS::Cluster"),
                refs("CKV_AWS_65", "AwsSolutions-ECS4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode settings = resource.property("ClusterSettings");
        if (resource.properties().reachesUnknown("ClusterSettings")) {
            return;
        }
        if (settings != null) {
            for (TemplateNode setting : settings.asList()) {
                TemplateNode name = setting.get("Name");
                TemplateNode value = setting.get("Value");
                if (!setting.isMap() || name == null || !name.isScalar()) {
                    return;
                }
                if (name.text().trim().equals("containerInsights")) {
                    if (value != null && value.isScalar()
                            && !java.util.List.of("enabled", "enhanced").contains(value.text().trim().toLowerCase(java.util.Locale.ROOT))) {
                        out.report(value, "Container Insights is not enabled (" + value.text().trim() + ")");
                    }
                    return;
                }
            }
        }
        out.report(settings, "Container Insights is not enabled");
    }
}
