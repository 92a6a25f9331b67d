package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Secrets Manager secret without a customer managed key (no KmsKeyId, or the AWS managed alias). */
public final class SecretKmsKeyRule extends TemplateRule {
    public SecretKmsKeyRule() {
        super("ASP-SM-001", Severity.LOW, "Secrets Manager secret without a customer managed key",
                "Set KmsKeyId to a customer managed key so access to the secret can be controlled and audited"
                        + " through the key policy.",
                types("AWS::SecretsManager::Secret"),
                refs("W77", "CKV_AWS_149"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode key = resource.property("KmsKeyId");
        if (key == null) {
            out.report(null, "The secret uses the default AWS managed key (KmsKeyId is not set)");
        } else if (KmsKeys.awsManaged(key)) {
            out.report(key, "KmsKeyId " + key.text().trim() + " is the AWS managed key");
        }
    }
}
