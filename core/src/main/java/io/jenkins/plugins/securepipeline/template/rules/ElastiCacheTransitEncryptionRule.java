package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** ElastiCache replication group without TLS. */
public final class ElastiCacheTransitEncryptionRule extends PropertyRule {
    public ElastiCacheTransitEncryptionRule() {
        super("ASP-ELC-002", Severity.HIGH, "ElastiCache replication group without TLS",
                "Set TransitEncryptionEnabled: true.",
                types("AWS::ElastiCache::ReplicationGroup"),
                refs("F33", "CKV_AWS_30"),
                Expect.TRUE, "Clients talk to the cache in clear text", "TransitEncryptionEnabled");
    }
}
