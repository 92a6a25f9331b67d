package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * An S3 static website bucket whose bucket policies grant nothing to CloudFront: its content is meant to be read
 * directly from S3 (which needs a public bucket) rather than through CloudFront with an origin access identity or
 * origin access control. A CloudFront grant is an Allow statement whose Principal is an origin access identity
 * (an AWS principal naming "CloudFront Origin Access Identity", or a CanonicalUser) or the service
 * cloudfront.amazonaws.com (origin access control). A policy counts for the bucket it names (Ref, or the bucket's
 * name).
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-S5, each to avoid a false or a double finding: a bucket
 * whose website only redirects every request ({@code RedirectAllRequestsTo}) serves no content and is not reported;
 * the actions granted to CloudFront are not limited to s3:GetObject and s3:PutObject (s3:ListBucket, for example, is
 * common to let CloudFront return 404); a policy statement open to every principal is reported by ASP-S3-008 rather
 * than here. A WebsiteConfiguration, a Bucket reference, a policy document or a Principal unknown at template time
 * counts in the bucket's favour.
 */
public final class S3WebsiteCloudFrontAccessRule extends TemplateRule {
    public S3WebsiteCloudFrontAccessRule() {
        super("ASP-S3-011", Severity.MEDIUM, "S3 website bucket not served through CloudFront origin access",
                "Serve the content through CloudFront: grant s3:GetObject in the bucket policy to cloudfront.amazonaws.com"
                        + " (origin access control, with aws:SourceArn of the distribution) and remove public access.",
                types("AWS::S3::Bucket"), refs("AwsSolutions-S5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode website = resource.property("WebsiteConfiguration");
        if (website == null || !website.isMap() || website.get("RedirectAllRequestsTo") != null) {
            return;
        }
        List<Resource> policies = ResourceLinks.mayPointAt(template, "AWS::S3::BucketPolicy", "Bucket", resource,
                resource.property("BucketName"));
        for (Resource policy : policies) {
            TemplateNode document = policy.property("PolicyDocument");
            if (PolicyStatement.unreadable(document)) {
                return;
            }
            for (PolicyStatement statement : PolicyStatement.of(document)) {
                if (statement.allow() && mayBeCloudFront(statement.principal())) {
                    return;
                }
            }
        }
        out.report(website, "No bucket policy grants CloudFront (origin access control or identity) access to the website bucket");
    }

    private static boolean mayBeCloudFront(TemplateNode principal) {
        if (principal == null || !principal.isMap()) {
            return principal != null && principal.isUnknown();
        }
        if (principal.get("CanonicalUser") != null) {
            return true;
        }
        for (TemplateNode aws : principal.get("AWS") == null ? List.<TemplateNode>of() : principal.get("AWS").asList()) {
            if (aws.isUnknown() || aws.isScalar() && aws.text().contains("CloudFront Origin Access Identity")) {
                return true;
            }
        }
        TemplateNode service = principal.get("Service");
        return service != null && service.asList().stream()
                .anyMatch(s -> s.isUnknown() || s.isScalar() && s.text().trim().equalsIgnoreCase("cloudfront.amazonaws.com"));
    }
}
