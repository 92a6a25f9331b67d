package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Redshift cluster that refuses engine upgrades in its maintenance window (AllowVersionUpgrade false), so it keeps
 * running without the service's patches. Low: a maintenance setting. Absent is fine (the default allows upgrades).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RS9.
 */
public final class RedshiftVersionUpgradeRule extends ValueRule {
    public RedshiftVersionUpgradeRule() {
        super("ASP-RS-009", Severity.LOW, "Redshift cluster refuses version upgrades",
                "Remove AllowVersionUpgrade: false (or set it to true) so patches are applied in the maintenance window.",
                types("AWS::Redshift::Cluster"),
                refs("AwsSolutions-RS9"),
                false, Acceptable.notFalse(),
                "Engine upgrades are not applied in the maintenance window, so the cluster misses patches",
                "AllowVersionUpgrade");
    }
}
