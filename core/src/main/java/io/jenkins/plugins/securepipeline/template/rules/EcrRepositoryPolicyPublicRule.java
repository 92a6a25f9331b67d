package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** ECR repository policy open to everyone. */
public final class EcrRepositoryPolicyPublicRule extends ResourcePolicyRule {
    public EcrRepositoryPolicyPublicRule() {
        super("ASP-ECR-003", Severity.HIGH, "ECR repository policy grants access to everyone",
                "Name the accounts that may pull or push, or add a Condition such as aws:PrincipalOrgID.",
                types("AWS::ECR::Repository"), refs("CKV_AWS_32", "AwsSolutions-ECR1"), Check.PRINCIPAL_EVERYONE,
                "RepositoryPolicyText", "The repository policy lets any principal in, with no condition");
    }
}
