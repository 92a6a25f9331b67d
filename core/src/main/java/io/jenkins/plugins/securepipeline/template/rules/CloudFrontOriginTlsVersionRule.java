package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A custom origin that CloudFront may reach over HTTPS with SSLv3 or TLS 1.0: {@code OriginSSLProtocols} lists
 * {@code SSLv3} or {@code TLSv1}, or is not set (the template then does not hold CloudFront to TLS 1.2; reported as
 * by cdk-nag).
 *
 * <p>A separate rule from ASP-CF-005 ("origin reached without HTTPS only"), as on the viewer side, where plain HTTP
 * (ASP-CF-001) and old TLS versions (ASP-CF-002) are two rules: each has its own fix (the protocol policy, the
 * protocol list) and can be suppressed on its own. Together the two rules are cdk-nag's AwsSolutions-CFR5, which
 * reports both in one check.
 *
 * <p>Deliberate differences from cdk-nag: an origin whose {@code OriginProtocolPolicy} is {@code http-only} is left
 * to ASP-CF-005, since CloudFront never uses TLS towards it and its protocol list means nothing; an origin
 * configuration or protocol list unknown at template time passes. Like cdk-nag, TLSv1.1 is not reported.
 */
public final class CloudFrontOriginTlsVersionRule extends TemplateRule {
    public CloudFrontOriginTlsVersionRule() {
        super("ASP-CF-007", Severity.MEDIUM, "CloudFront may reach a custom origin with SSLv3 or TLS 1.0",
                "Set CustomOriginConfig.OriginSSLProtocols to [TLSv1.2] on every custom origin.",
                types("AWS::CloudFront::Distribution"), refs("AwsSolutions-CFR5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode origins = resource.property("DistributionConfig", "Origins");
        if (origins == null || !origins.isList()) {
            return;
        }
        for (TemplateNode origin : origins.items()) {
            TemplateNode custom = origin.get("CustomOriginConfig");
            if (custom == null || !custom.isMap()) {
                continue;
            }
            TemplateNode policy = custom.get("OriginProtocolPolicy");
            if (policy != null && policy.is("http-only")) {
                continue;
            }
            TemplateNode protocols = custom.get("OriginSSLProtocols");
            if (protocols == null) {
                out.report(custom, "OriginSSLProtocols is not set, so the protocols CloudFront may use towards the origin"
                        + " are not limited to TLS 1.2");
                continue;
            }
            for (TemplateNode protocol : protocols.asList()) {
                if (protocol.is("SSLv3", "TLSv1")) {
                    out.report(protocol, "CloudFront may connect to the origin with " + protocol.text().trim());
                }
            }
        }
    }
}
