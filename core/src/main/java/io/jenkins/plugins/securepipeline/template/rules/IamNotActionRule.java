package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;


/** Allow with NotAction grants every action except a few, including actions that do not exist yet. */
public final class IamNotActionRule extends TemplateRule {
    public IamNotActionRule() {
        super("ASP-IAM-004", Severity.MEDIUM, "IAM policy uses Allow with NotAction",
                "Allow a list of actions instead; NotAction belongs with Deny.",
                IdentityPolicies.TYPES, refs("W14", "W15", "W16", "W17"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        java.util.List<PolicyStatement> statements = new java.util.ArrayList<>(IdentityPolicies.statements(resource));
        statements.addAll(PolicyStatement.of(resource.property("AssumeRolePolicyDocument")));
        for (PolicyStatement statement : statements) {
            if (statement.allow() && statement.notAction() != null) {
                out.report(statement.notAction(), "Allow with NotAction grants everything except the listed actions");
            }
        }
    }
}
