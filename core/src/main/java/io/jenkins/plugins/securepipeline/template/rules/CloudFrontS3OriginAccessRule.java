package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CloudFront distribution reads an S3 origin without an origin access control or origin access identity, so the
 * bucket must be readable by everyone for CloudFront to serve it, and its objects can be fetched directly, around
 * CloudFront. Covers cdk-nag's AwsSolutions-CFR7 (distributions) and AwsSolutions-CFR6 (streaming distributions,
 * whose S3Origin.OriginAccessIdentity must not be blank).
 *
 * <p>An origin of a distribution is an S3 origin when it has {@code S3OriginConfig}, or its DomainName is a Ref or
 * GetAtt of an {@code AWS::S3::Bucket} of the template or a literal S3 REST endpoint ({@code BUCKET.s3.REGION.amazonaws.com});
 * an origin with {@code CustomOriginConfig} (such as an S3 website endpoint, which cannot use either) is not.
 * Deliberate differences from cdk-nag: a legacy origin access identity ({@code S3OriginConfig.OriginAccessIdentity})
 * also counts for distributions, since it too keeps the bucket private (cdk-nag's CFR7 accepts only an origin access
 * control); S3 origins named by a literal endpoint or by S3OriginConfig are checked too, where cdk-nag recognises
 * only references to a bucket of the same stack. Values unknown at template time count as set.
 */
public final class CloudFrontS3OriginAccessRule extends TemplateRule {
    private static final Pattern S3_REST_ENDPOINT = Pattern.compile(
            "[a-z0-9][a-z0-9.-]*\\.s3(\\.dualstack)?([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?");
    private static final String MESSAGE = "The S3 origin has no origin access control or origin access identity";

    public CloudFrontS3OriginAccessRule() {
        super("ASP-CF-006", Severity.MEDIUM, "CloudFront S3 origin without origin access control",
                "Create an AWS::CloudFront::OriginAccessControl, set the origin's OriginAccessControlId, and allow only"
                        + " cloudfront.amazonaws.com (with aws:SourceArn of the distribution) in the bucket policy.",
                types("AWS::CloudFront::Distribution", "AWS::CloudFront::StreamingDistribution"),
                refs("AwsSolutions-CFR6", "AwsSolutions-CFR7"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.type().equals("AWS::CloudFront::StreamingDistribution")) {
            TemplateNode origin = resource.property("StreamingDistributionConfig", "S3Origin");
            if (origin != null && origin.isMap() && blank(origin.get("OriginAccessIdentity"))) {
                out.report(origin, MESSAGE);
            }
            return;
        }
        TemplateNode origins = resource.property("DistributionConfig", "Origins");
        if (origins == null) {
            return;
        }
        for (TemplateNode origin : origins.asList()) {
            if (!origin.isMap() || origin.get("CustomOriginConfig") != null || !isS3(origin, template)) {
                continue;
            }
            if (blank(origin.get("OriginAccessControlId")) && blank(origin.path("S3OriginConfig", "OriginAccessIdentity"))
                    && !origin.reachesUnknown("S3OriginConfig", "OriginAccessIdentity")) {
                TemplateNode domain = origin.get("DomainName");
                out.report(domain != null ? domain : origin, MESSAGE);
            }
        }
    }

    private static boolean isS3(TemplateNode origin, TemplateContext template) {
        if (origin.get("S3OriginConfig") != null) {
            return true;
        }
        TemplateNode domain = origin.get("DomainName");
        if (domain == null) {
            return false;
        }
        if (domain.isScalar()) {
            String host = domain.text().trim().toLowerCase(Locale.ROOT);
            return !host.contains("s3-website") && !host.contains(".s3.website") && S3_REST_ENDPOINT.matcher(host).matches();
        }
        Resource target = ResourceLinks.resolve(domain, template);
        return target != null && target.type().equals("AWS::S3::Bucket");
    }

    /** Absent or empty ("" is how templates say "no identity"); an unknown value is not blank. */
    private static boolean blank(TemplateNode value) {
        return value == null || value.isScalar() && value.text().isBlank();
    }
}
