package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * RDS instance reachable from the internet. Absent is not "private": without PubliclyAccessible AWS makes the
 * instance public when its VPC has an internet gateway, and without DBSubnetGroupName the instance goes into the
 * default VPC, which has one. So an instance with neither is reported too (deliberately stricter than cfn_nag F22 and
 * checkov CKV_AWS_17, which report only an explicit true). With a subnet group the VPC is not known here, so absent
 * passes.
 */
public final class RdsPublicAccessRule extends TemplateRule {
    public RdsPublicAccessRule() {
        super("ASP-RDS-002", Severity.HIGH, "RDS instance reachable from the internet",
                "Set PubliclyAccessible: false and reach the database through the VPC.",
                types("AWS::RDS::DBInstance"),
                refs("F22", "CKV_AWS_17"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode value = resource.property("PubliclyAccessible");
        if (value != null && value.isTrue()) {
            out.report(value, "The database instance gets a public address");
        } else if (value == null && resource.property("DBSubnetGroupName") == null && !RdsInstances.clusterMember(resource)) {
            out.report(null, "PubliclyAccessible is not set and there is no DBSubnetGroupName: the instance goes into"
                    + " the default VPC, which has an internet gateway, so AWS makes it public");
        }
    }
}
