package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An Auto Scaling group that replaces instances failing the load balancer's health checks (HealthCheckType ELB) but
 * sets no HealthCheckGracePeriod: the default is 0 seconds, so a new instance can be judged unhealthy and replaced
 * before its application has started, and the group can keep replacing instances instead of serving. Low: an
 * availability setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AS2 (an explicit 0 is taken as a deliberate choice, as there);
 * HealthCheckType is compared ignoring case, and values that cannot be known before deployment pass.
 */
public final class AutoScalingHealthCheckGracePeriodRule extends ValueRule {
    public AutoScalingHealthCheckGracePeriodRule() {
        super("ASP-ASG-001", Severity.LOW, "Auto Scaling group with ELB health checks and no grace period",
                "Set HealthCheckGracePeriod to the seconds a new instance needs before it can pass health checks.",
                types("AWS::AutoScaling::AutoScalingGroup"),
                refs("AwsSolutions-AS2"),
                true, Acceptable.anyValue(),
                "New instances can be replaced for failing load balancer health checks before they have started",
                "HealthCheckGracePeriod");
    }

    @Override
    protected boolean concerns(Resource resource) {
        TemplateNode type = resource.property("HealthCheckType");
        return type != null && type.is("ELB");
    }
}
