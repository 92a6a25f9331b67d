package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

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
        TemplateNode name = resource.property("BucketName");
        for (Resource policy : template.resourcesOfType("AWS::S3::BucketPolicy")) {
            TemplateNode bucket = policy.property("Bucket");
            if (bucket == null || io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(bucket, resource.logicalId())
                    || bucket.isScalar() && name != null && name.isScalar() && bucket.text().equals(name.text())
                    || bucket.isUnknown() && !bucket.text().startsWith("Ref ") && !bucket.text().startsWith("GetAtt ")) {
                return;
            }
        }
        out.report(null, "No bucket policy is declared for this bucket");
    }
}
