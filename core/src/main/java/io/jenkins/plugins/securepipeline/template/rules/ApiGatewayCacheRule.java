package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** API Gateway stage without caching. */
public final class ApiGatewayCacheRule extends ValueRule {
    public ApiGatewayCacheRule() {
        super("ASP-APIG-005", Severity.LOW, "API Gateway stage without caching",
                "Set CacheClusterEnabled: true (and encrypt the cache).",
                types("AWS::ApiGateway::Stage", "AWS::Serverless::Api"),
                refs("CKV_AWS_120"),
                true, Acceptable.isTrue(), "The stage cache is off", "CacheClusterEnabled");
    }
}
