package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * Allow on Resource "*" for actions that could be limited to specific resources. Actions that AWS only ever
 * authorizes on "*" (ec2:Describe*, sts:GetCallerIdentity, ...) are not reported: there is nothing to narrow.
 */
public final class IamResourceStarRule extends TemplateRule {
    public IamResourceStarRule() {
        super("ASP-IAM-002", Severity.MEDIUM, "IAM policy allows actions on every resource",
                "Name the resource ARNs the actions apply to.", IdentityPolicies.TYPES,
                refs("W11", "W12", "W13", "AwsSolutions-IAM5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (!statement.allow() || !statement.anyResourceIsStar() || statement.anyAction("*")) {
                continue; // Action "*" is reported by ASP-IAM-001 already
            }
            java.util.List<String> narrowable = statement.actions().stream()
                    .filter(a -> !ActionPattern.acceptsOnlyResourceStar(a)).toList();
            if (!narrowable.isEmpty()) {
                out.report(statement.resource(), "Resource \"*\" for actions that support specific resources: "
                        + String.join(", ", narrowable));
            }
        }
    }
}
