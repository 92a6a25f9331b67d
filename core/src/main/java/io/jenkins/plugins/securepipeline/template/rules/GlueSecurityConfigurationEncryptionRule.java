package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Glue security configuration leaves something unencrypted. */
public final class GlueSecurityConfigurationEncryptionRule extends TemplateRule {
    public GlueSecurityConfigurationEncryptionRule() {
        super("ASP-GLUE-004", Severity.MEDIUM, "Glue security configuration leaves something unencrypted",
                "Set CloudWatchEncryption, JobBookmarksEncryption and every S3Encryptions entry to a KMS mode (not DISABLED).",
                types("AWS::Glue::SecurityConfiguration"),
                refs("CKV_AWS_99", "AwsSolutions-GL1", "AwsSolutions-GL3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode config = resource.property("EncryptionConfiguration");
        if (resource.properties().reachesUnknown("EncryptionConfiguration") || config == null || !config.isMap()) {
            return;
        }
        mode(config.path("CloudWatchEncryption", "CloudWatchEncryptionMode"), config, "CloudWatch logs", out);
        mode(config.path("JobBookmarksEncryption", "JobBookmarksEncryptionMode"), config, "job bookmarks", out);
        TemplateNode s3 = config.get("S3Encryptions");
        if (s3 == null) {
            out.report(config, "S3 encryption is not configured");
        } else if (s3.isList() || s3.isMap()) {
            for (TemplateNode entry : s3.asList()) {
                mode(entry.get("S3EncryptionMode"), entry, "S3 data", out);
            }
        }
    }

    private static void mode(TemplateNode mode, TemplateNode parent, String what, RuleFindings out) {
        if (mode == null) {
            out.report(parent, "Encryption of " + what + " is not configured");
        } else if (mode.isScalar() && mode.text().trim().equalsIgnoreCase("DISABLED")) {
            out.report(mode, "Encryption of " + what + " is disabled");
        }
    }
}
