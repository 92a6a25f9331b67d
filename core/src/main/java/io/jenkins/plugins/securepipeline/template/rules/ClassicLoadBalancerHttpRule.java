package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A classic load balancer serving HTTP or HTTPS: an Application Load Balancer does this job with what a classic one
 * lacks, notably an AWS WAF web ACL in front of the application, dropping of invalid headers and routing by host or
 * path. Low: a recommendation, not a misconfiguration.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-ELB1 (any listener whose Protocol is HTTP or HTTPS, any case); a
 * listener list or protocol that cannot be known before deployment passes.
 */
public final class ClassicLoadBalancerHttpRule extends TemplateRule {
    public ClassicLoadBalancerHttpRule() {
        super("ASP-ELB-009", Severity.LOW, "Classic load balancer serving HTTP or HTTPS",
                "Serve HTTP and HTTPS with an AWS::ElasticLoadBalancingV2::LoadBalancer of Type application.",
                types("AWS::ElasticLoadBalancing::LoadBalancer"),
                refs("AwsSolutions-ELB1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode listeners = resource.property("Listeners");
        if (listeners == null || !listeners.isList()) {
            return;
        }
        for (TemplateNode listener : listeners.items()) {
            TemplateNode protocol = listener.get("Protocol");
            if (protocol != null && protocol.is("HTTP", "HTTPS")) {
                out.report(protocol, "Web traffic goes through a classic load balancer, which cannot have a WAF web"
                        + " ACL and lacks an Application Load Balancer's request handling");
                return;
            }
        }
    }
}
