package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Glue crawler without a security configuration. */
public final class GlueCrawlerSecurityConfigurationRule extends ValueRule {
    public GlueCrawlerSecurityConfigurationRule() {
        super("ASP-GLUE-002", Severity.MEDIUM, "Glue crawler without a security configuration",
                "Set CrawlerSecurityConfiguration to a Glue security configuration.",
                types("AWS::Glue::Crawler"),
                refs("CKV_AWS_195", "AwsSolutions-GL1"),
                true, Acceptable.notEmpty(), "No security configuration is attached to the crawler", "CrawlerSecurityConfiguration");
    }
}
