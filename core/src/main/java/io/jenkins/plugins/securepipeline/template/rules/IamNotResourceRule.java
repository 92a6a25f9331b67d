package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Allow with NotResource applies to every resource except a few, including ones created later. */
public final class IamNotResourceRule extends TemplateRule {
    public IamNotResourceRule() {
        super("ASP-IAM-005", Severity.MEDIUM, "IAM policy uses Allow with NotResource",
                "Allow on a list of resources instead; NotResource belongs with Deny.", IdentityPolicies.TYPES,
                refs("W21", "W22", "W23"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (statement.allow() && statement.notResource() != null) {
                out.report(statement.notResource(), "Allow with NotResource applies to everything except the listed resources");
            }
        }
    }
}
