package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** A trust policy that names a whole account (its ID or :root) without a Condition. Narrower than checkov, which looks only at the first statement but ignores conditions: a Condition such as aws:PrincipalArn narrows the trust. */
public final class IamTrustWholeAccountRule extends TemplateRule {
    public IamTrustWholeAccountRule() {
        super("ASP-IAM-015", Severity.MEDIUM, "IAM role trusts a whole account",
                "Trust the specific roles or users that need the role, or add a Condition (aws:PrincipalArn, sts:ExternalId).",
                types("AWS::IAM::Role"),
                refs("CKV_AWS_61"));
    }

    private static final java.util.regex.Pattern WHOLE_ACCOUNT = java.util.regex.Pattern.compile("\\d{12}|arn:aws[a-z-]*:iam::\\d{12}:root");

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("AssumeRolePolicyDocument"))) {
            TemplateNode aws = statement.principal() == null ? null : statement.principal().get("AWS");
            if (!statement.allow() || aws == null || statement.condition() != null) {
                continue;
            }
            for (TemplateNode principal : aws.asList()) {
                if (principal.isScalar() && WHOLE_ACCOUNT.matcher(principal.text().trim()).matches()) {
                    out.report(principal, "Every principal of account " + principal.text().trim() + " that is allowed sts:AssumeRole may assume this role");
                }
            }
        }
    }
}
