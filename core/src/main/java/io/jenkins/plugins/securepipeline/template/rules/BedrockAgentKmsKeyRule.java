package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Bedrock agent without a customer managed key. */
public final class BedrockAgentKmsKeyRule extends ValueRule {
    public BedrockAgentKmsKeyRule() {
        super("ASP-BR-001", Severity.LOW, "Bedrock agent without a customer managed key",
                "Set CustomerEncryptionKeyArn to a customer managed KMS key.",
                types("AWS::Bedrock::Agent"),
                refs("CKV_AWS_373"),
                true, Acceptable.notEmpty(), "The agent is not encrypted with a customer managed key", "CustomerEncryptionKeyArn");
    }
}
