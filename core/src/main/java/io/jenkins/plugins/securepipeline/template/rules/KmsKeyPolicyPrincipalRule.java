package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** KMS key policy open to everyone. */
public final class KmsKeyPolicyPrincipalRule extends ResourcePolicyRule {
    public KmsKeyPolicyPrincipalRule() {
        super("ASP-KMS-002", Severity.HIGH, "KMS key policy grants access to everyone",
                "Use the account root or named roles as principal, or add a Condition (kms:CallerAccount, kms:ViaService).",
                types("AWS::KMS::Key"), refs("F76", "CKV_AWS_33"), Check.PRINCIPAL_EVERYONE, "KeyPolicy",
                "An Allow statement lets any principal use the key, with no condition");
    }
}
