package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A classic load balancer without connection draining: requests in flight to an instance that is deregistered or
 * fails its health check are cut off instead of being allowed to finish. Low: an availability setting; off by default.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-ELB3; a value that cannot be known before deployment passes.
 */
public final class ClassicLoadBalancerConnectionDrainingRule extends PropertyRule {
    public ClassicLoadBalancerConnectionDrainingRule() {
        super("ASP-ELB-007", Severity.LOW, "Classic load balancer without connection draining",
                "Set ConnectionDrainingPolicy with Enabled: true and a Timeout.",
                types("AWS::ElasticLoadBalancing::LoadBalancer"),
                refs("AwsSolutions-ELB3"),
                Expect.TRUE, "Requests in flight are cut off when an instance leaves the load balancer",
                "ConnectionDrainingPolicy", "Enabled");
    }
}
