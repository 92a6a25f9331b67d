package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Redshift cluster not in a VPC subnet group. */
public final class RedshiftVpcRule extends ValueRule {
    public RedshiftVpcRule() {
        super("ASP-RS-004", Severity.MEDIUM, "Redshift cluster not in a VPC subnet group",
                "Set ClusterSubnetGroupName so the cluster runs in your VPC.",
                types("AWS::Redshift::Cluster"),
                refs("CKV_AWS_154", "AwsSolutions-RS2"),
                true, Acceptable.notEmpty(), "The cluster names no subnet group", "ClusterSubnetGroupName");
    }
}
