package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An ECS container definition without {@code LogConfiguration.LogDriver}: what the container writes to standard
 * output and error is not collected anywhere (on Fargate it is lost). A container definition, log configuration or
 * driver unknown at template time passes.
 */
public final class EcsContainerLoggingRule extends TemplateRule {
    public EcsContainerLoggingRule() {
        super("ASP-ECS-004", Severity.LOW, "ECS container without a log configuration",
                "Set LogConfiguration with a LogDriver (for example awslogs with a log group) on every container definition.",
                types("AWS::ECS::TaskDefinition"), refs("AwsSolutions-ECS7"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode containers = resource.property("ContainerDefinitions");
        if (containers == null || !containers.isList()) {
            return;
        }
        for (TemplateNode container : containers.items()) {
            if (!container.isMap() || container.reachesUnknown("LogConfiguration", "LogDriver")) {
                continue;
            }
            if (container.path("LogConfiguration", "LogDriver") == null) {
                TemplateNode name = container.get("Name");
                out.report(container, (name != null && name.isScalar() ? "Container " + name.text() : "A container")
                        + " has no log driver, so its output is not collected");
            }
        }
    }
}
