package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Application load balancer does not drop invalid headers. */
public final class AlbDropInvalidHeadersRule extends TemplateRule {
    public AlbDropInvalidHeadersRule() {
        super("ASP-ELB-005", Severity.LOW, "Application load balancer does not drop invalid headers",
                "Set the load balancer attribute routing.http.drop_invalid_header_fields.enabled to true.",
                types("AWS::ElasticLoadBalancingV2::LoadBalancer"),
                refs("CKV_AWS_131"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode type = resource.property("Type");
        if (type != null && !(type.isScalar() && type.text().trim().equalsIgnoreCase("application"))
                || resource.properties().reachesUnknown("LoadBalancerAttributes")) {
            return;
        }
        TemplateNode attributes = resource.property("LoadBalancerAttributes");
        if (attributes != null) {
            for (TemplateNode attribute : attributes.asList()) {
                TemplateNode key = attribute.get("Key");
                if (key == null || !key.isScalar()) {
                    if (!attribute.isMap() || key != null) {
                        return;
                    }
                } else if (key.text().trim().equals("routing.http.drop_invalid_header_fields.enabled")) {
                    TemplateNode value = attribute.get("Value");
                    if (value != null && value.isScalar() && !value.isTrue()) {
                        out.report(value, "Requests with invalid header fields are passed on to the targets");
                    }
                    return;
                }
            }
        }
        out.report(attributes, "Requests with invalid header fields are passed on to the targets (routing.http.drop_invalid_header_fields.enabled is not set)");
    }
}
