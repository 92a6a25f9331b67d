package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * A role anyone (any AWS account) may assume. Not cfn_nag's F2, which is about a wildcard Action in the trust
 * policy, not its Principal.
 */
public final class IamTrustEveryoneRule extends TemplateRule {
    public IamTrustEveryoneRule() {
        super("ASP-IAM-006", Severity.CRITICAL, "IAM role can be assumed by anyone",
                "Name the account, role or service in the trust policy, or add conditions (sts:ExternalId, aws:PrincipalOrgID).",
                types("AWS::IAM::Role"), refs("CKV_AWS_60"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("AssumeRolePolicyDocument"))) {
            if (statement.allow() && statement.principalIsEveryone() && statement.condition() == null) {
                out.report(statement.principal(), "The trust policy lets any AWS principal assume the role, with no condition");
            }
        }
    }
}
