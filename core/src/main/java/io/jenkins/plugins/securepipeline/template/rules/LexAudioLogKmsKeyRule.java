package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A Lex V2 bot alias (or a bot's test alias, TestBotAliasSettings) that records conversation audio to S3 without a
 * KMS key (S3Bucket.KmsKeyArn): recordings of what users said are then encrypted only with the bucket's default
 * encryption, not with a key whose use you control. Low, like the other customer-managed-key rules.
 *
 * <p>cdk-nag's AwsSolutions-LEX4 also requires the CloudWatch log group of enabled text logs to have a KMS key; that
 * half is not repeated here because ASP-LOG-001 already reports every log group without KmsKeyId. Deliberate
 * differences besides: Enabled and KmsKeyArn values that cannot be known before deployment pass, and true is
 * compared ignoring case.
 */
public final class LexAudioLogKmsKeyRule extends TemplateRule {
    public LexAudioLogKmsKeyRule() {
        super("ASP-LEX-001", Severity.LOW, "Lex conversation audio logs without a KMS key",
                "Set Destination.S3Bucket.KmsKeyArn on every enabled AudioLogSettings entry.",
                types("AWS::Lex::BotAlias", "AWS::Lex::Bot"), refs("AwsSolutions-LEX4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode settings = resource.type().equals("AWS::Lex::Bot")
                ? resource.property("TestBotAliasSettings", "ConversationLogSettings", "AudioLogSettings")
                : resource.property("ConversationLogSettings", "AudioLogSettings");
        if (settings == null || !settings.isList()) {
            return;
        }
        for (TemplateNode log : settings.items()) {
            TemplateNode enabled = log.get("Enabled");
            TemplateNode bucket = log.path("Destination", "S3Bucket");
            if (enabled == null || !enabled.isTrue() || bucket == null || !bucket.isMap()) {
                continue;
            }
            if (bucket.get("KmsKeyArn") == null) {
                out.report(bucket, "Conversation audio is stored in S3 without a KMS key (KmsKeyArn is not set)");
            }
        }
    }
}
