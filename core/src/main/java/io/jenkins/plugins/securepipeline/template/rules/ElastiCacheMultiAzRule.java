package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Redis (or Valkey) replication group without Multi-AZ: when the primary node or its zone fails, no replica is
 * promoted automatically and writes stop until someone intervenes. Low: an availability setting. The default is off.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AEC4; a value that cannot be known before deployment passes.
 */
public final class ElastiCacheMultiAzRule extends ValueRule {
    public ElastiCacheMultiAzRule() {
        super("ASP-ELC-006", Severity.LOW, "ElastiCache replication group not Multi-AZ",
                "Set MultiAZEnabled: true (with AutomaticFailoverEnabled: true and at least one replica).",
                types("AWS::ElastiCache::ReplicationGroup"),
                refs("AwsSolutions-AEC4"),
                true, Acceptable.isTrue(),
                "No replica takes over automatically when the primary or its Availability Zone fails",
                "MultiAZEnabled");
    }
}
