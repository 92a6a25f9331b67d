package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** S3 bucket policy open to everyone. */
public final class S3BucketPolicyPrincipalRule extends ResourcePolicyRule {
    public S3BucketPolicyPrincipalRule() {
        super("ASP-S3-008", Severity.HIGH, "S3 bucket policy grants access to everyone",
                "Name the accounts, roles or services that need access, or add a Condition that narrows \"*\".",
                types("AWS::S3::BucketPolicy"), refs("F16"), Check.PRINCIPAL_EVERYONE, "PolicyDocument",
                "An Allow statement applies to any principal, with no condition");
    }
}
