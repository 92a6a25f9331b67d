package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Amazon MQ broker without EncryptionOptions. */
public final class MqEncryptionOptionsRule extends ValueRule {
    public MqEncryptionOptionsRule() {
        super("ASP-MQ-001", Severity.LOW, "Amazon MQ broker without EncryptionOptions",
                "Add EncryptionOptions (UseAwsOwnedKey: false and a KmsKeyId for a customer managed key).",
                types("AWS::AmazonMQ::Broker"),
                refs("W53"),
                true, Acceptable.anyValue(), "The broker does not declare its encryption", "EncryptionOptions");
    }
}
