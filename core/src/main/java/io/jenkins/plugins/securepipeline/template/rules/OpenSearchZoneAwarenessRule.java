package io.jenkins.plugins.securepipeline.template.rules;

/**
 * An OpenSearch domain without zone awareness: all its nodes, and every copy of each shard, can sit in one
 * Availability Zone, so a zone outage makes the domain unavailable and can lose data. Low: an availability setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-OS7.
 */
public final class OpenSearchZoneAwarenessRule extends OpenSearchClusterOptionRule {
    public OpenSearchZoneAwarenessRule() {
        super("ASP-OS-010", "OpenSearch domain without zone awareness",
                "Set ZoneAwarenessEnabled: true in the cluster configuration (with ZoneAwarenessConfig"
                        + " AvailabilityZoneCount 2 or 3 and replicas for each index).",
                refs("AwsSolutions-OS7"), "ZoneAwarenessEnabled",
                "Nodes and replicas are not spread over Availability Zones, so a zone outage makes the domain"
                        + " unavailable");
    }
}
