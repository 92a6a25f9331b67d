package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;

/**
 * An ElastiCache cluster or replication group on its engine's default port: 6379 for Redis and Valkey, 11211 for
 * Memcached. Low: obscurity only (see {@link DefaultPortRule}).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AEC5. Deliberate differences: Valkey counts like Redis; a replication
 * group built around an existing cluster (PrimaryClusterId) takes that cluster's port and is not reported; a cache
 * cluster whose Engine cannot be known passes.
 */
public final class ElastiCacheDefaultPortRule extends DefaultPortRule {
    public ElastiCacheDefaultPortRule() {
        super("ASP-ELC-007", "ElastiCache cluster on its engine's default port",
                types("AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup"),
                refs("AwsSolutions-AEC5"));
    }

    @Override
    protected Integer defaultPort(Resource resource) {
        String engine = engine(resource);
        boolean group = resource.type().equals("AWS::ElastiCache::ReplicationGroup");
        if (group && resource.property("PrimaryClusterId") != null) {
            return null;
        }
        if (engine == null) {
            return group && resource.property("Engine") == null ? 6379 : null; // a group's engine defaults to Redis
        }
        if (engine.equals("redis") || engine.equals("valkey")) {
            return 6379;
        }
        return engine.equals("memcached") ? 11211 : null;
    }
}
