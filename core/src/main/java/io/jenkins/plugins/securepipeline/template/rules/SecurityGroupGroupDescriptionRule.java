package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A security group whose GroupDescription says nothing (fewer than two characters once blanks are trimmed): whoever
 * reviews or cleans up the group cannot tell what it is for. Low: a visibility setting. Separate from ASP-EC2-007,
 * which asks for a Description on each ingress and egress rule.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EC27, except that blanks are trimmed first (a description of spaces
 * says nothing either); a description that cannot be known before deployment passes.
 */
public final class SecurityGroupGroupDescriptionRule extends ValueRule {
    public SecurityGroupGroupDescriptionRule() {
        super("ASP-EC2-025", Severity.LOW, "Security group without a meaningful description",
                "Set GroupDescription to what the group is for (it cannot be changed later without replacing the group).",
                types("AWS::EC2::SecurityGroup"),
                refs("AwsSolutions-EC27"),
                true, value -> !value.isScalar() || value.text().trim().length() >= 2,
                "The group's description says nothing about what the group is for", "GroupDescription");
    }
}
