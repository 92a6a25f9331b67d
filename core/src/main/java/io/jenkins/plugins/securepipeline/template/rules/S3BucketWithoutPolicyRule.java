package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** S3 bucket without a bucket policy. */
public final class S3BucketWithoutPolicyRule extends TemplateRule {
    public S3BucketWithoutPolicyRule() {
        super("ASP-S3-010", Severity.LOW, "S3 bucket without a bucket policy",
                "Add an AWS::S3::BucketPolicy for the bucket (at least one denying aws:SecureTransport false).",
                types("AWS::S3::Bucket"),
                refs("W51"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (!ResourceLinks.targets(template, "AWS::S3::BucketPolicy", "Bucket").includes(resource, resource.property("BucketName"))) {
            out.report(null, "No bucket policy is declared for this bucket");
        }
    }
}
