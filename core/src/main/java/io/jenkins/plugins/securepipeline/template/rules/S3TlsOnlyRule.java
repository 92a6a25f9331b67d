package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * A bucket should come with a bucket policy that denies requests not made over TLS (Deny when
 * aws:SecureTransport is false). Looks for such a policy among the template's bucket policies.
 */
public final class S3TlsOnlyRule extends TemplateRule {
    public S3TlsOnlyRule() {
        super("ASP-S3-007", Severity.MEDIUM, "S3 bucket does not require TLS",
                "Add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport false.",
                types("AWS::S3::Bucket"), refs("AwsSolutions-S10"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (Resource policy : template.resourcesOfType("AWS::S3::BucketPolicy")) {
            TemplateNode bucket = policy.property("Bucket");
            if (bucket == null || !(io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(bucket, resource.logicalId())
                    || bucket.isUnknown() && !bucket.text().startsWith("Ref ") && !bucket.text().startsWith("GetAtt "))) {
                continue;
            }
            for (PolicyStatement statement : PolicyStatement.of(policy.property("PolicyDocument"))) {
                if (statement.deniesInsecureTransport()) {
                    return;
                }
            }
        }
        out.report(null, "No bucket policy denies requests made without TLS");
    }
}
