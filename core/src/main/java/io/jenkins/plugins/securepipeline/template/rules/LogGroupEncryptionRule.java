package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudWatch log group not encrypted with KMS. */
public final class LogGroupEncryptionRule extends PropertyRule {
    public LogGroupEncryptionRule() {
        super("ASP-LOG-001", Severity.LOW, "CloudWatch log group not encrypted with KMS",
                "Set KmsKeyId on the log group.",
                types("AWS::Logs::LogGroup"),
                refs("W84", "CKV_AWS_158"),
                Expect.PRESENT, "Log data is not encrypted with a key you control", "KmsKeyId");
    }
}
