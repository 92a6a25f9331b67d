package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** A literal secret in a Lambda function environment: a value that looks like an AWS key or private key, or a non-empty literal value of a variable whose name says it is a password, secret, token or key. Stricter than checkov, which judges the value alone; dynamic references and parameters are not literals. */
public final class LambdaEnvironmentSecretRule extends TemplateRule {
    public LambdaEnvironmentSecretRule() {
        super("ASP-LMB-012", Severity.HIGH, "Secret in Lambda environment variables",
                "Read the secret at run time from Secrets Manager or SSM Parameter Store (SecureString); pass only its name in the environment.",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("CKV_AWS_45"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode variables = resource.property("Environment", "Variables");
        if (variables == null || !variables.isMap()) {
            return;
        }
        for (java.util.Map.Entry<String, TemplateNode> variable : variables.entries().entrySet()) {
            TemplateNode value = variable.getValue();
            if (SecretText.isLiteral(value) && (SecretText.looksLikeCredential(value.text())
                    || SecretText.secretName(variable.getKey()) && SecretText.plausibleSecret(value.text()))) {
                out.report(value, "Environment variable " + variable.getKey() + " holds a secret in plain text");
            }
        }
    }
}
