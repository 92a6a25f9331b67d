package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECS container definition that sets environment variables directly. Their values are stored in the task
 * definition, shown by DescribeTaskDefinition to anyone allowed to read it, and copied into every revision;
 * {@code Secrets} (from Secrets Manager or Parameter Store) keeps values out of it.
 *
 * <p>Low severity: most environment variables are ordinary configuration (a region, a log level), and blocking every
 * task definition that has one would stop most pipelines for no security reason. It is the broad "prefer Secrets"
 * advice of cdk-nag's AwsSolutions-ECS2. No other rule looks at ECS environment values yet (the Lambda secret rule
 * reads Lambda functions only), so a password written here is reported by this low rule alone.
 *
 * <p>Deliberate difference from cdk-nag, which reports any Environment property: an empty list sets nothing and is
 * not reported, and an Environment whose value cannot be known before deployment passes.
 */
public final class EcsEnvironmentVariablesRule extends TemplateRule {
    public EcsEnvironmentVariablesRule() {
        super("ASP-ECS-003", Severity.LOW, "ECS container sets environment variables directly",
                "Pass sensitive values through the container's Secrets (Secrets Manager or SSM Parameter Store)"
                        + " instead of Environment; suppress with a reason where the variables are plain configuration.",
                types("AWS::ECS::TaskDefinition"), refs("AwsSolutions-ECS2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode containers = resource.property("ContainerDefinitions");
        if (containers == null || !containers.isList()) {
            return;
        }
        for (TemplateNode container : containers.items()) {
            TemplateNode environment = container.get("Environment");
            if (environment == null || !environment.isList() || environment.items().isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (TemplateNode variable : environment.items()) {
                TemplateNode name = variable.get("Name");
                names.add(name != null && name.isScalar() ? name.text() : "?");
            }
            TemplateNode containerName = container.get("Name");
            String which = containerName != null && containerName.isScalar() ? "Container " + containerName.text()
                    : "A container";
            out.report(environment, which + " sets environment variables directly (" + String.join(", ", names)
                    + "); their values are readable from the task definition");
        }
    }
}
