package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * ElastiCache replication group not encrypted at rest. With ASP-ELC-002 (TLS) it reports what cdk-nag's
 * AwsSolutions-AEC3 reports as one finding.
 */
public final class ElastiCacheAtRestEncryptionRule extends PropertyRule {
    public ElastiCacheAtRestEncryptionRule() {
        super("ASP-ELC-001", Severity.HIGH, "ElastiCache replication group not encrypted at rest",
                "Set AtRestEncryptionEnabled: true.",
                types("AWS::ElastiCache::ReplicationGroup"),
                refs("F25", "CKV_AWS_29", "AwsSolutions-AEC3"),
                Expect.TRUE, "Cached data and backups are not encrypted on disk", "AtRestEncryptionEnabled");
    }
}
