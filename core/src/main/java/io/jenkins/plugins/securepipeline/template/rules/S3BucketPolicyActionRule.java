package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** S3 bucket policy granting all actions. */
public final class S3BucketPolicyActionRule extends ResourcePolicyRule {
    public S3BucketPolicyActionRule() {
        super("ASP-S3-009", Severity.HIGH, "S3 bucket policy grants every S3 action",
                "List the S3 actions the principal needs instead of \"*\" or \"s3:*\".",
                types("AWS::S3::BucketPolicy"), refs("F15"), Check.ACTION_STAR, "PolicyDocument",
                "An Allow statement grants all actions on the bucket");
    }
}
