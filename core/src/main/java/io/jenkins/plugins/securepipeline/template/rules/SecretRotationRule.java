package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A secret with no rotation schedule keeps the same value forever. */
public final class SecretRotationRule extends TemplateRule {
    public SecretRotationRule() {
        super("ASP-SM-002", Severity.LOW, "Secrets Manager secret without rotation",
                "Add an AWS::SecretsManager::RotationSchedule whose SecretId refers to the secret.",
                types("AWS::SecretsManager::Secret"), refs("AwsSolutions-SMG4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (Resource schedule : template.resourcesOfType("AWS::SecretsManager::RotationSchedule")) {
            if (io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(schedule.property("SecretId"), resource.logicalId())) {
                return;
            }
        }
        out.report(null, "No rotation schedule refers to this secret");
    }
}
