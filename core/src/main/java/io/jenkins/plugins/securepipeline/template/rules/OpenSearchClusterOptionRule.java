package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An OpenSearch (or legacy Elasticsearch) domain whose cluster configuration leaves one switch off: the switch lives
 * in ClusterConfig for AWS::OpenSearchService::Domain and in ElasticsearchClusterConfig for
 * AWS::Elasticsearch::Domain, and is off by default. A value that cannot be known before deployment passes.
 */
abstract class OpenSearchClusterOptionRule extends TemplateRule {
    private final String option;
    private final String message;

    OpenSearchClusterOptionRule(String id, String title, String remediation, References references, String option,
            String message) {
        super(id, Severity.LOW, title, remediation,
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"), references);
        this.option = option;
        this.message = message;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String config = resource.type().equals("AWS::Elasticsearch::Domain") ? "ElasticsearchClusterConfig" : "ClusterConfig";
        if (resource.properties().reachesUnknown(config, option)) {
            return;
        }
        TemplateNode value = resource.property(config, option);
        if (value == null || value.isFalse()) {
            out.report(value, message + (value == null ? " (" + config + "." + option + " is not set)" : ""));
        }
    }
}
