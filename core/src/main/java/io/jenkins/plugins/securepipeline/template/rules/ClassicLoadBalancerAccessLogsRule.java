package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Classic load balancer without access logs. */
public final class ClassicLoadBalancerAccessLogsRule extends PropertyRule {
    public ClassicLoadBalancerAccessLogsRule() {
        super("ASP-ELB-003", Severity.LOW, "Classic load balancer without access logs",
                "Set AccessLoggingPolicy.Enabled: true.",
                types("AWS::ElasticLoadBalancing::LoadBalancer"),
                refs("W26", "CKV_AWS_92"),
                Expect.TRUE, "Requests through the load balancer are not logged", "AccessLoggingPolicy", "Enabled");
    }
}
