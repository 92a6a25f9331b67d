package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** ACM certificate for a wildcard domain. */
public final class AcmWildcardCertificateRule extends TemplateRule {
    public AcmWildcardCertificateRule() {
        super("ASP-ACM-001", Severity.LOW, "ACM certificate for a wildcard domain",
                "Request certificates for the exact host names; a wildcard key that leaks serves every subdomain.",
                types("AWS::CertificateManager::Certificate"),
                refs("CKV2_AWS_71"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode domain = resource.property("DomainName");
        if (domain != null && domain.isScalar() && domain.text().trim().startsWith("*")) {
            out.report(domain, "The certificate covers every name under " + domain.text().trim().substring(1));
        }
    }
}
