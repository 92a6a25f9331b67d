package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * ElastiCache replication group without TLS. With ASP-ELC-001 (encryption at rest) it reports what cdk-nag's
 * AwsSolutions-AEC3 reports as one finding.
 */
public final class ElastiCacheTransitEncryptionRule extends PropertyRule {
    public ElastiCacheTransitEncryptionRule() {
        super("ASP-ELC-002", Severity.HIGH, "ElastiCache replication group without TLS",
                "Set TransitEncryptionEnabled: true.",
                types("AWS::ElastiCache::ReplicationGroup"),
                refs("F33", "CKV_AWS_30", "AwsSolutions-AEC3"),
                Expect.TRUE, "Clients talk to the cache in clear text", "TransitEncryptionEnabled");
    }
}
