package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Allow with Action "*": every action of every service. */
public final class IamActionStarRule extends TemplateRule {
    public IamActionStarRule() {
        super("ASP-IAM-001", Severity.CRITICAL, "IAM policy allows every action",
                "List the actions the principal needs; \"*\" with Resource \"*\" is full administrator access.",
                IdentityPolicies.TYPES, refs("F3", "F4", "F5", "CKV_AWS_62", "CKV_AWS_63", "AwsSolutions-IAM5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (!statement.allow()) {
                continue;
            }
            if (statement.anyAction("*")) {
                out.report(statement.action(), statement.anyResourceIsStar()
                        ? "Allow Action \"*\" on Resource \"*\" is full administrator access"
                        : "Allow Action \"*\" grants every action of every service");
            } else {
                statement.actions().stream().filter(ActionPattern::isWildcard).findFirst().ifPresent(action ->
                        out.report(statement.action(), "Allow Action \"" + action + "\" grants every action of the "
                                + action.substring(0, action.indexOf(':')) + " service, including future ones"));
            }
        }
    }
}
