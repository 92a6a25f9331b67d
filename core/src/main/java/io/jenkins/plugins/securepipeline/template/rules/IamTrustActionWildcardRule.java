package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM role trust policy allows every action. */
public final class IamTrustActionWildcardRule extends TemplateRule {
    public IamTrustActionWildcardRule() {
        super("ASP-IAM-021", Severity.HIGH, "IAM role trust policy allows every action",
                "Allow only sts:AssumeRole (or sts:AssumeRoleWithWebIdentity / sts:AssumeRoleWithSAML / sts:TagSession) in the trust policy.",
                types("AWS::IAM::Role"),
                refs("F2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("AssumeRolePolicyDocument"))) {
            if (statement.allow() && statement.actions().stream().anyMatch(action -> action.contains("*"))) {
                out.report(statement.action(), "The trust policy grants a wildcard action instead of naming sts:AssumeRole");
            }
        }
    }
}
