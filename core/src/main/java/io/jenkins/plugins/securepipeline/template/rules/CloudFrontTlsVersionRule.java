package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Viewers must be held to TLS 1.2 or later, which needs a custom certificate and a modern security policy. */
public final class CloudFrontTlsVersionRule extends TemplateRule {
    public CloudFrontTlsVersionRule() {
        super("ASP-CF-002", Severity.MEDIUM, "CloudFront distribution allows TLS older than 1.2",
                "Use a custom certificate (ViewerCertificate.AcmCertificateArn) with MinimumProtocolVersion TLSv1.2_2021.",
                types("AWS::CloudFront::Distribution"), refs("W70", "CKV_AWS_174", "AwsSolutions-CFR4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode certificate = resource.property("DistributionConfig", "ViewerCertificate");
        if (certificate == null || certificate.get("CloudFrontDefaultCertificate") != null
                && certificate.get("CloudFrontDefaultCertificate").isTrue()) {
            out.report(certificate, "The default CloudFront certificate allows TLS 1.0 and 1.1");
            return;
        }
        TemplateNode minimum = certificate.get("MinimumProtocolVersion");
        if (minimum == null) {
            out.report(certificate, "MinimumProtocolVersion is not set, so TLS 1.0 is accepted");
        } else if (minimum.isScalar()) {
            Integer oldest = TlsPolicies.cloudFrontMinimum(minimum.text());
            if (oldest == null) {
                out.report(minimum, "MinimumProtocolVersion " + minimum.text() + " is not a version known to refuse TLS"
                        + " older than 1.2");
            } else if (oldest < TlsPolicies.TLS_1_2) {
                out.report(minimum, "MinimumProtocolVersion " + minimum.text() + " accepts " + TlsPolicies.describe(oldest));
            }
        }
    }
}
