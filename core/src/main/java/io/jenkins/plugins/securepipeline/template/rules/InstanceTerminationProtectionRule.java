package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * An EC2 instance declared on its own (not launched by an Auto Scaling group, which would replace it) without
 * termination protection: one mistaken API call or console click deletes it and, with it, its instance store and
 * any volume set to delete on termination. Low: a recovery setting; off by default.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EC29 (every AWS::EC2::Instance, since instances of an Auto Scaling
 * group are never declared as resources); a value that cannot be known before deployment passes.
 */
public final class InstanceTerminationProtectionRule extends PropertyRule {
    public InstanceTerminationProtectionRule() {
        super("ASP-EC2-023", Severity.LOW, "EC2 instance without termination protection",
                "Set DisableApiTermination: true, or run the workload in an Auto Scaling group.",
                types("AWS::EC2::Instance"),
                refs("AwsSolutions-EC29"),
                Expect.TRUE, "A single mistaken terminate call deletes the instance", "DisableApiTermination");
    }
}
