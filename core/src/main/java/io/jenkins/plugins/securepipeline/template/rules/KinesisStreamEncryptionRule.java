package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * Kinesis stream not encrypted. The block itself is not enough: {@code EncryptionType: NONE}, or a block without
 * EncryptionType or KeyId, stores records unencrypted or is refused.
 */
public final class KinesisStreamEncryptionRule extends TemplateRule {
    public KinesisStreamEncryptionRule() {
        super("ASP-KIN-001", Severity.MEDIUM, "Kinesis stream not encrypted",
                "Set StreamEncryption with EncryptionType KMS and a KeyId.",
                types("AWS::Kinesis::Stream"),
                refs("W49", "CKV_AWS_43", "AwsSolutions-KDS1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode encryption = resource.property("StreamEncryption");
        if (encryption == null) {
            out.report(null, "Records are stored unencrypted (StreamEncryption is not set)");
            return;
        }
        if (!encryption.isMap()) {
            return; // unknown as a whole
        }
        TemplateNode type = encryption.get("EncryptionType");
        if (type == null || type.is("NONE")) {
            out.report(type == null ? encryption : type, "Records are stored unencrypted (EncryptionType is "
                    + (type == null ? "not set" : "NONE") + ")");
        } else if (encryption.get("KeyId") == null) {
            out.report(encryption, "StreamEncryption has no KeyId");
        }
    }
}
