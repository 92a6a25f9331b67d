package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Listener security policies that still offer TLS 1.0 or 1.1. */
public final class LoadBalancerTlsPolicyRule extends TemplateRule {
    public LoadBalancerTlsPolicyRule() {
        super("ASP-ELB-002", Severity.MEDIUM, "Load balancer listener allows TLS older than 1.2",
                "Use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
                types("AWS::ElasticLoadBalancingV2::Listener"), refs("W55", "CKV_AWS_103"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode protocol = resource.property("Protocol");
        if (protocol == null || !("HTTPS".equals(protocol.asText()) || "TLS".equals(protocol.asText()))) {
            return;
        }
        TemplateNode policy = resource.property("SslPolicy");
        if (policy == null) {
            out.report(protocol, "No SslPolicy is set; the default policy accepts TLS 1.0 and 1.1");
        } else if (policy.isScalar() && !(policy.text().contains("TLS-1-2") || policy.text().contains("TLS13")
                || policy.text().contains("TLS-1-3") || policy.text().contains("FS-1-2"))) {
            out.report(policy, "SslPolicy " + policy.text() + " accepts TLS older than 1.2");
        }
    }
}
