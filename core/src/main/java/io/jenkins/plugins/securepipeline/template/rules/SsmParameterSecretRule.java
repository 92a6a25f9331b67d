package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Secret stored in a plain SSM parameter. */
public final class SsmParameterSecretRule extends TemplateRule {
    public SsmParameterSecretRule() {
        super("ASP-SSM-001", Severity.HIGH, "Secret stored in a plain SSM parameter",
                "Create a SecureString parameter or a Secrets Manager secret outside the template and pass its name.",
                types("AWS::SSM::Parameter"),
                refs("CKV_AWS_384"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode value = resource.property("Value");
        if (!SecretText.isLiteral(value)) {
            return;
        }
        TemplateNode name = resource.property("Name");
        boolean secretName = name != null && name.isScalar() && SecretText.secretName(name.text());
        if (SecretText.looksLikeCredential(value.text()) || secretName && SecretText.plausibleSecret(value.text()) && !value.text().contains("${")) {
            out.report(value, "The parameter value is a secret written in the template (CloudFormation creates only String parameters)");
        }
    }
}
