package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * Redis AUTH token in plain text. Not checkov's CKV_AWS_31, which asks for transit encryption together with an
 * auth token, whatever the token's source.
 */
public final class ElastiCacheAuthTokenRule extends PlaintextSecretRule {
    public ElastiCacheAuthTokenRule() {
        super("ASP-ELC-003", Severity.HIGH, "ElastiCache AUTH token in plain text",
                types("AWS::ElastiCache::ReplicationGroup"), refs("F44"), "AuthToken");
    }
}
