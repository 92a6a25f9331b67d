package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Bucket readable by anyone through its ACL. */
public final class S3PublicReadAclRule extends S3BucketAclRule {
    public S3PublicReadAclRule() {
        super("ASP-S3-002", Severity.HIGH, "S3 bucket ACL allows public read", refs("W31", "CKV_AWS_20"), "PublicRead");
    }
}
