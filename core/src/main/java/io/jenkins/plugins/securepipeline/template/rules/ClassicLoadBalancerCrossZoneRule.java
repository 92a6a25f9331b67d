package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic load balancer that does not balance across at least two Availability Zones: CrossZone is not true
 * (the default is off, so each zone's node only serves that zone's instances), or it is attached to fewer than two
 * subnets (or, without Subnets, fewer than two AvailabilityZones). Low: an availability setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-ELB4. Values that cannot be known before deployment pass, and so does
 * a list holding one.
 */
public final class ClassicLoadBalancerCrossZoneRule extends TemplateRule {
    public ClassicLoadBalancerCrossZoneRule() {
        super("ASP-ELB-008", Severity.LOW, "Classic load balancer not balancing across Availability Zones",
                "Set CrossZone: true and attach the load balancer to subnets (or AvailabilityZones) in at least two"
                        + " Availability Zones.",
                types("AWS::ElasticLoadBalancing::LoadBalancer"),
                refs("AwsSolutions-ELB4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        TemplateNode crossZone = resource.property("CrossZone");
        if (crossZone == null || crossZone.isFalse()) {
            problems.add(crossZone == null ? "CrossZone is not set" : "CrossZone is false");
        }
        String placement = resource.property("Subnets") != null ? "Subnets" : "AvailabilityZones";
        TemplateNode places = resource.property(placement);
        if (places == null) {
            problems.add(placement + " is not set");
        } else if (places.isList() && places.items().size() < 2
                && places.items().stream().allMatch(TemplateNode::isScalar)) {
            problems.add(placement + " lists fewer than two");
        }
        if (!problems.isEmpty()) {
            out.report(crossZone != null ? crossZone : places,
                    "Traffic is not balanced across at least two Availability Zones, so one zone's outage or load"
                            + " hits the service: " + String.join(", ", problems));
        }
    }
}
