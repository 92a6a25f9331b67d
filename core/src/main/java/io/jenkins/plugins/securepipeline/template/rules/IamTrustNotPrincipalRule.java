package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Allow with NotPrincipal in a trust policy trusts everyone except the listed principals. */
public final class IamTrustNotPrincipalRule extends TemplateRule {
    public IamTrustNotPrincipalRule() {
        super("ASP-IAM-007", Severity.HIGH, "IAM role trust policy uses Allow with NotPrincipal",
                "Name the principals that may assume the role.", types("AWS::IAM::Role"), refs("F6"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("AssumeRolePolicyDocument"))) {
            if (statement.allow() && statement.notPrincipal() != null) {
                out.report(statement.notPrincipal(), "Allow with NotPrincipal trusts every principal except those listed");
            }
        }
    }
}
