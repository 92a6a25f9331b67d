package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Redshift cluster with automated snapshots switched off (AutomatedSnapshotRetentionPeriod 0): nothing to restore
 * from after an accident but manual snapshots. Low, like the other backup settings. Absent is fine (the default
 * keeps one day).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RS10; a retention period that cannot be known before deployment passes.
 */
public final class RedshiftSnapshotRetentionRule extends ValueRule {
    public RedshiftSnapshotRetentionRule() {
        super("ASP-RS-008", Severity.LOW, "Redshift cluster without automated snapshots",
                "Set AutomatedSnapshotRetentionPeriod to 1 day or more (the default is 1).",
                types("AWS::Redshift::Cluster"),
                refs("AwsSolutions-RS10"),
                false, Acceptable.atLeast(1),
                "Automated snapshots are switched off, so the cluster cannot be recovered to a recent point in time",
                "AutomatedSnapshotRetentionPeriod");
    }
}
