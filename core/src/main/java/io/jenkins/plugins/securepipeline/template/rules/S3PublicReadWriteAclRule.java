package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Bucket writable by anyone through its ACL. */
public final class S3PublicReadWriteAclRule extends S3BucketAclRule {
    public S3PublicReadWriteAclRule() {
        super("ASP-S3-003", Severity.CRITICAL, "S3 bucket ACL allows public read and write", refs("F14", "CKV_AWS_57"),
                "PublicReadWrite");
    }
}
