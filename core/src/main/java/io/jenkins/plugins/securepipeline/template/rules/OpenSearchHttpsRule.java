package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** OpenSearch domain accepts plain HTTP. */
public final class OpenSearchHttpsRule extends PropertyRule {
    public OpenSearchHttpsRule() {
        super("ASP-OS-003", Severity.MEDIUM, "OpenSearch domain accepts plain HTTP",
                "Set DomainEndpointOptions.EnforceHTTPS: true.",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"),
                refs("CKV_AWS_83"),
                Expect.TRUE, "The domain endpoint does not require HTTPS", "DomainEndpointOptions", "EnforceHTTPS");
    }
}
