package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * An ElastiCache cluster or replication group without CacheSubnetGroupName. Since EC2-Classic was retired such a
 * cluster is created in the default subnet group of the default VPC, beside whatever else runs there, rather than
 * in subnets chosen for it. Low, unlike the Redshift counterpart (ASP-RS-004): ElastiCache nodes get no public
 * address, so this is about network placement, not exposure to the internet.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AEC1 ("not provisioned in a VPC"). Deliberate differences: a
 * replication group built around an existing cluster (PrimaryClusterId) or joining a global datastore
 * (GlobalReplicationGroupId) takes its network from that cluster and is not reported; a subnet group name that
 * cannot be known before deployment passes.
 */
public final class ElastiCacheSubnetGroupRule extends ValueRule {
    public ElastiCacheSubnetGroupRule() {
        super("ASP-ELC-005", Severity.LOW, "ElastiCache cluster without a subnet group",
                "Set CacheSubnetGroupName to an AWS::ElastiCache::SubnetGroup of private subnets in your VPC.",
                types("AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup"),
                refs("AwsSolutions-AEC1"),
                true, Acceptable.notEmpty(), "The cluster names no subnet group, so it runs in the default VPC",
                "CacheSubnetGroupName");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return !resource.properties().isUnknown() && resource.property("PrimaryClusterId") == null
                && resource.property("GlobalReplicationGroupId") == null;
    }
}
