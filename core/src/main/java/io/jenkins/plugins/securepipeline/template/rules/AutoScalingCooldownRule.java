package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * An Auto Scaling group with Cooldown 0: simple scaling policies can fire again before the instances they launched
 * take load, so the group overshoots and oscillates. Low: an availability setting. Absent is fine (the default is
 * 300 seconds).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AS1; a value that cannot be known before deployment passes.
 */
public final class AutoScalingCooldownRule extends ValueRule {
    public AutoScalingCooldownRule() {
        super("ASP-ASG-002", Severity.LOW, "Auto Scaling group without a cooldown period",
                "Remove Cooldown: 0, or set it to the seconds a new instance needs to take load.",
                types("AWS::AutoScaling::AutoScalingGroup"),
                refs("AwsSolutions-AS1"),
                false, Acceptable.atLeast(1),
                "Scaling can act again before new instances take load, so the group can overshoot and oscillate",
                "Cooldown");
    }
}
