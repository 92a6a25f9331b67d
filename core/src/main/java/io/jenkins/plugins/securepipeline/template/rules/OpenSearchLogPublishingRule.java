package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** OpenSearch domain publishes no logs. */
public final class OpenSearchLogPublishingRule extends TemplateRule {
    public OpenSearchLogPublishingRule() {
        super("ASP-OS-006", Severity.LOW, "OpenSearch domain publishes no logs",
                "Enable at least one LogPublishingOptions entry (SEARCH_SLOW_LOGS, INDEX_SLOW_LOGS, ES_APPLICATION_LOGS or AUDIT_LOGS).",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"),
                refs("CKV_AWS_84", "AwsSolutions-OS9"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode options = resource.property("LogPublishingOptions");
        if (resource.properties().reachesUnknown("LogPublishingOptions") || options != null && !options.isMap()) {
            return;
        }
        if (options != null) {
            for (TemplateNode option : options.entries().values()) {
                TemplateNode enabled = option.get("Enabled");
                if (!option.isMap() || enabled != null && !enabled.isFalse()) {
                    return;
                }
            }
        }
        out.report(options, "No log type is published to CloudWatch Logs");
    }
}
