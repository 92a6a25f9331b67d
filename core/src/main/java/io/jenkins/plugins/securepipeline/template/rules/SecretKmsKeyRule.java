package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Secrets Manager secret without a customer managed key. */
public final class SecretKmsKeyRule extends PropertyRule {
    public SecretKmsKeyRule() {
        super("ASP-SM-001", Severity.LOW, "Secrets Manager secret without a customer managed key",
                "Set KmsKeyId so access to the secret can be controlled and audited through the key policy.",
                types("AWS::SecretsManager::Secret"),
                refs("W77", "CKV_AWS_149"),
                Expect.PRESENT, "The secret uses the default AWS managed key", "KmsKeyId");
    }
}
