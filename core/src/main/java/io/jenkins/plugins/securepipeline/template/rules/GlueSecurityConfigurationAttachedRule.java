package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Glue job, crawler or dev endpoint without a security configuration. */
public final class GlueSecurityConfigurationAttachedRule extends ValueRule {
    public GlueSecurityConfigurationAttachedRule() {
        super("ASP-GLUE-001", Severity.MEDIUM, "Glue job, crawler or dev endpoint without a security configuration",
                "Name a Glue security configuration (SecurityConfiguration, or CrawlerSecurityConfiguration on a crawler).",
                types("AWS::Glue::Job", "AWS::Glue::DevEndpoint"),
                refs("CKV_AWS_195", "AwsSolutions-GL1", "AwsSolutions-GL3"),
                true, Acceptable.notEmpty(), "No security configuration is attached, so logs, bookmarks and S3 output are not encrypted by Glue", "SecurityConfiguration");
    }
}
