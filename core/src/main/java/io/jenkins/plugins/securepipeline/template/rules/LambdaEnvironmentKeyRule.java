package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Lambda environment variables without a customer managed key. */
public final class LambdaEnvironmentKeyRule extends TemplateRule {
    public LambdaEnvironmentKeyRule() {
        super("ASP-LMB-008", Severity.LOW, "Lambda environment variables without a customer managed key",
                "Set KmsKeyArn to a customer managed KMS key when the function has environment variables.",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("CKV_AWS_173"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode variables = resource.property("Environment", "Variables");
        if (variables == null || !variables.isMap() || variables.entries().isEmpty()
                || resource.properties().reachesUnknown("KmsKeyArn")) {
            return;
        }
        if (resource.property("KmsKeyArn") == null) {
            out.report(variables, "Environment variables are encrypted only with the AWS managed key (KmsKeyArn is not set)");
        }
    }
}
