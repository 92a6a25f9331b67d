package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * An Elastic Beanstalk environment without the option aws:ec2:vpc VPCId: it is launched into the default VPC,
 * whose subnets give its instances public addresses, instead of subnets chosen for it. Medium, like the Redshift
 * and OpenSearch "not in a VPC" rules.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EB1. Deliberate differences: the settings of a configuration template
 * named by TemplateName count too (see {@link BeanstalkOptionSettings}), and when they cannot be known, or VPCId's
 * value cannot be, the environment passes. An empty VPCId is reported.
 */
public final class BeanstalkVpcRule extends TemplateRule {
    public BeanstalkVpcRule() {
        super("ASP-BEAN-001", Severity.MEDIUM, "Elastic Beanstalk environment not placed in a chosen VPC",
                "Add the option setting Namespace aws:ec2:vpc, OptionName VPCId (with Subnets and ELBSubnets).",
                types("AWS::ElasticBeanstalk::Environment"), refs("AwsSolutions-EB1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        List<TemplateNode> settings = BeanstalkOptionSettings.of(resource, template);
        if (settings == null) {
            return;
        }
        TemplateNode vpc = BeanstalkOptionSettings.find(settings, "aws:ec2:vpc", "VPCId");
        TemplateNode value = vpc == null ? null : vpc.get("Value");
        if (vpc == null || value == null || value.isScalar() && value.text().isBlank()) {
            out.report(vpc, "The environment names no VPC (aws:ec2:vpc VPCId), so it runs in the default VPC");
        }
    }
}
