package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * Firehose delivery stream without server-side encryption. The input block must say which key to use
 * (KeyType); an empty block does not turn encryption on. Narrower than cdk-nag's AwsSolutions-KDF1, which also
 * reports streams fed by a Kinesis stream or MSK: those cannot take this setting (their source encrypts).
 */
public final class FirehoseEncryptionRule extends TemplateRule {
    public FirehoseEncryptionRule() {
        super("ASP-KIN-002", Severity.MEDIUM, "Firehose delivery stream without server-side encryption",
                "Set DeliveryStreamEncryptionConfigurationInput with KeyType for DirectPut streams.",
                types("AWS::KinesisFirehose::DeliveryStream"),
                refs("W88", "AwsSolutions-KDF1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode streamType = resource.property("DeliveryStreamType");
        if (streamType != null && !streamType.is("DirectPut")) {
            return; // other sources are encrypted at their source; unknown types are not guessed
        }
        TemplateNode input = resource.property("DeliveryStreamEncryptionConfigurationInput");
        if (input == null) {
            out.report(null, "Records buffered by the stream are not encrypted"
                    + " (DeliveryStreamEncryptionConfigurationInput is not set)");
        } else if (input.isMap() && input.get("KeyType") == null) {
            out.report(input, "DeliveryStreamEncryptionConfigurationInput has no KeyType");
        }
    }
}
