package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A DB security group (the pre-VPC kind, AWS::RDS::DBSecurityGroup and AWS::RDS::DBSecurityGroupIngress) that
 * admits a CIDR range covering every address, so the database port is open to the whole internet. High like the
 * other "database reachable from the internet" rules: a DB security group governs nothing but database access.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RDS8 (a CIDRIP with prefix length 0), except that the block is
 * parsed ({@link CidrBlock}) instead of searched for the text "/0", and a CIDRIP that cannot be known before
 * deployment passes.
 */
public final class RdsDbSecurityGroupOpenRule extends TemplateRule {
    public RdsDbSecurityGroupOpenRule() {
        super("ASP-RDS-011", Severity.HIGH, "RDS DB security group open to the internet",
                "Admit only the CIDR ranges or EC2 security groups that need the database; better, move the database"
                        + " into a VPC and use VPC security groups.",
                types("AWS::RDS::DBSecurityGroup", "AWS::RDS::DBSecurityGroupIngress"), refs("AwsSolutions-RDS8"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.type().equals("AWS::RDS::DBSecurityGroupIngress")) {
            check(resource.property("CIDRIP"), out);
            return;
        }
        TemplateNode ingress = resource.property("DBSecurityGroupIngress");
        if (ingress != null && ingress.isList()) {
            ingress.items().forEach(rule -> check(rule.get("CIDRIP"), out));
        }
    }

    private static void check(TemplateNode cidr, RuleFindings out) {
        CidrBlock block = cidr == null ? null : CidrBlock.parse(cidr.asText());
        if (block != null && block.everyAddress()) {
            out.report(cidr, "The database accepts connections from every address (" + cidr.text().trim() + ")");
        }
    }
}
