package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** An ALB listener on plain HTTP that does more than redirect to HTTPS. */
public final class LoadBalancerHttpListenerRule extends TemplateRule {
    public LoadBalancerHttpListenerRule() {
        super("ASP-ELB-001", Severity.MEDIUM, "Load balancer listener serves plain HTTP",
                "Listen on HTTPS, and keep port 80 only for a redirect action to HTTPS.",
                types("AWS::ElasticLoadBalancingV2::Listener"), refs("W56", "CKV_AWS_2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode protocol = resource.property("Protocol");
        if (protocol == null || !protocol.is("HTTP")) {
            return;
        }
        TemplateNode actions = resource.property("DefaultActions");
        boolean onlyRedirects = actions != null && !actions.asList().isEmpty() && actions.asList().stream()
                .allMatch(a -> a.get("Type") != null && a.get("Type").is("redirect"));
        if (!onlyRedirects) {
            out.report(protocol, "The listener forwards traffic over plain HTTP");
        }
    }
}
