package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** ALB/NLB access logs are a load balancer attribute, off unless set. */
public final class LoadBalancerV2AccessLogsRule extends TemplateRule {
    public LoadBalancerV2AccessLogsRule() {
        super("ASP-ELB-004", Severity.LOW, "Application or network load balancer without access logs",
                "Add LoadBalancerAttributes access_logs.s3.enabled = true with access_logs.s3.bucket.",
                types("AWS::ElasticLoadBalancingV2::LoadBalancer"), refs("W52", "CKV_AWS_91", "AwsSolutions-ELB2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode attributes = resource.property("LoadBalancerAttributes");
        if (attributes != null) {
            for (TemplateNode attribute : attributes.asList()) {
                TemplateNode key = attribute.get("Key");
                TemplateNode value = attribute.get("Value");
                if (key != null && "access_logs.s3.enabled".equals(key.asText()) && value != null && !value.isFalse()) {
                    return; // true, or unknown: not shown to be off
                }
            }
        }
        out.report(attributes, "Access logging is not enabled (access_logs.s3.enabled)");
    }
}
