package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * iam:PassRole on every role lets the holder hand any role (an admin one too) to a service. Any action pattern
 * that covers it counts ({@code iam:Pass*}, {@code iam:*}, and {@code *}, which the peers report here too). Deny is
 * ignored.
 */
public final class IamPassRoleStarRule extends TemplateRule {
    public IamPassRoleStarRule() {
        super("ASP-IAM-003", Severity.HIGH, "IAM policy allows passing any role",
                "Limit iam:PassRole to the ARNs of the roles the service needs, and add an iam:PassedToService condition.",
                IdentityPolicies.TYPES, refs("F38", "F39", "F40"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (statement.allow() && statement.anyResourceIsStar()
                    && statement.actions().stream().anyMatch(a -> ActionPattern.covers(a, "iam:PassRole"))) {
                out.report(statement.action(), "iam:PassRole is allowed on Resource \"*\"");
            }
        }
    }
}
