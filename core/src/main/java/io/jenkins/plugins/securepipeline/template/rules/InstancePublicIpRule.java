package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Instances and launch templates asking for a public address. */
public final class InstancePublicIpRule extends TemplateRule {
    public InstancePublicIpRule() {
        super("ASP-EC2-012", Severity.MEDIUM, "EC2 instance gets a public IP address",
                "Set AssociatePublicIpAddress: false and reach the instance through a load balancer, SSM or VPN.",
                types("AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"), refs("CKV_AWS_88"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode interfaces = resource.type().equals("AWS::EC2::LaunchTemplate")
                ? resource.property("LaunchTemplateData", "NetworkInterfaces") : resource.property("NetworkInterfaces");
        if (interfaces == null) {
            return;
        }
        for (TemplateNode item : interfaces.asList()) {
            TemplateNode flag = item.get("AssociatePublicIpAddress");
            if (flag != null && flag.isTrue()) {
                out.report(flag, "A network interface is given a public IP address");
            }
        }
    }
}
