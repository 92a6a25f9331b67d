package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** S3 bucket without a default encryption setting. */
public final class S3BucketEncryptionRule extends PropertyRule {
    public S3BucketEncryptionRule() {
        super("ASP-S3-001", Severity.MEDIUM, "S3 bucket without a default encryption setting",
                "Add BucketEncryption with an SSE-KMS (or at least SSE-S3) rule so the encryption choice is explicit and reviewable.",
                types("AWS::S3::Bucket"),
                refs("W41", "CKV_AWS_19"),
                Expect.PRESENT, "The bucket does not declare default encryption", "BucketEncryption");
    }
}
