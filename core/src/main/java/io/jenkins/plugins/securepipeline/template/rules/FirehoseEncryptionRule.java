package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Firehose delivery stream without server-side encryption. */
public final class FirehoseEncryptionRule extends PropertyRule {
    public FirehoseEncryptionRule() {
        super("ASP-KIN-002", Severity.MEDIUM, "Firehose delivery stream without server-side encryption",
                "Set DeliveryStreamEncryptionConfigurationInput for DirectPut streams.",
                types("AWS::KinesisFirehose::DeliveryStream"),
                refs("W88"),
                Expect.PRESENT, "Records buffered by the stream are not encrypted", "DeliveryStreamEncryptionConfigurationInput");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return resource.property("DeliveryStreamType") == null || "DirectPut".equals(text(resource.property("DeliveryStreamType")));
    }

    private static String text(TemplateNode node) {
        return node == null ? null : node.asText();
    }
}
