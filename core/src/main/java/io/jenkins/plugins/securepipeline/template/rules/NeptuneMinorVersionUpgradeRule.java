package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Neptune instance with AutoMinorVersionUpgrade false: engine patches are not applied in the maintenance window.
 * Low: a maintenance setting.
 *
 * <p>Narrower than cdk-nag's AwsSolutions-N2, which also reports an instance that leaves the property out: Neptune
 * applies minor upgrades by default, so only an explicit false is reported.
 */
public final class NeptuneMinorVersionUpgradeRule extends ValueRule {
    public NeptuneMinorVersionUpgradeRule() {
        super("ASP-NEP-004", Severity.LOW, "Neptune instance without automatic minor version upgrades",
                "Remove AutoMinorVersionUpgrade: false (or set it to true) so engine patches are applied.",
                types("AWS::Neptune::DBInstance"),
                refs("AwsSolutions-N2"),
                false, Acceptable.notFalse(),
                "Minor engine versions are not applied automatically, so the instance misses patches",
                "AutoMinorVersionUpgrade");
    }
}
