package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudTrail logs not encrypted with KMS. */
public final class CloudTrailEncryptionRule extends PropertyRule {
    public CloudTrailEncryptionRule() {
        super("ASP-CT-001", Severity.MEDIUM, "CloudTrail logs not encrypted with KMS",
                "Set KMSKeyId on the trail.",
                types("AWS::CloudTrail::Trail"),
                refs("CKV_AWS_35"),
                Expect.PRESENT, "Trail logs are only protected by S3 default encryption", "KMSKeyId");
    }
}
