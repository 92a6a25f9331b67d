package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A Neptune cluster that cannot be spread over Availability Zones as written: its AvailabilityZones list names fewer
 * than two zones, or it names no DBSubnetGroupName and so runs in the default VPC's default subnet group rather than
 * in subnets chosen to cover several zones. Either way a zone outage can take the whole graph down. Low: an
 * availability setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-N1. Values that cannot be known before deployment pass. Neither this
 * rule nor cdk-nag counts the cluster's instances: a cluster needs a replica in a second zone to fail over.
 */
public final class NeptuneMultiAzRule extends TemplateRule {
    public NeptuneMultiAzRule() {
        super("ASP-NEP-005", Severity.LOW, "Neptune cluster not spread over Availability Zones",
                "Set DBSubnetGroupName to a subnet group covering at least two Availability Zones (and list at"
                        + " least two in AvailabilityZones, if you list them), then add a replica in a second zone.",
                types("AWS::Neptune::DBCluster"),
                refs("AwsSolutions-N1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown()) {
            return;
        }
        TemplateNode zones = resource.property("AvailabilityZones");
        if (zones != null && zones.isList() && zones.items().size() < 2
                && zones.items().stream().allMatch(TemplateNode::isScalar)) {
            out.report(zones, "The cluster's instances can only be placed in one Availability Zone,"
                    + " so a zone outage stops the database");
        }
        if (resource.property("DBSubnetGroupName") == null) {
            out.report(null, "The cluster runs in the default VPC's default subnet group, not in subnets chosen to"
                    + " cover several Availability Zones (DBSubnetGroupName is not set)");
        }
    }
}
