package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Listener security policies that still accept TLS 1.0 or 1.1, judged by {@link TlsPolicies}. */
public final class LoadBalancerTlsPolicyRule extends TemplateRule {
    public LoadBalancerTlsPolicyRule() {
        super("ASP-ELB-002", Severity.MEDIUM, "Load balancer listener allows TLS older than 1.2",
                "Use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
                types("AWS::ElasticLoadBalancingV2::Listener"), refs("W55", "CKV_AWS_103"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode protocol = resource.property("Protocol");
        if (protocol == null || !protocol.is("HTTPS", "TLS")) {
            return;
        }
        TemplateNode policy = resource.property("SslPolicy");
        if (policy == null) {
            out.report(protocol, "No SslPolicy is set; the default policy accepts TLS 1.0 and 1.1");
        } else if (policy.isScalar()) {
            Integer minimum = TlsPolicies.loadBalancerMinimum(policy.text());
            if (minimum == null) {
                out.report(policy, "SslPolicy " + policy.text() + " is not a policy known to refuse TLS older than 1.2");
            } else if (minimum < TlsPolicies.TLS_1_2) {
                out.report(policy, "SslPolicy " + policy.text() + " accepts " + TlsPolicies.describe(minimum));
            }
        }
    }
}
