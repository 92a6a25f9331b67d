package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A VPC with no flow log leaves no record of its traffic. */
public final class VpcFlowLogRule extends TemplateRule {
    public VpcFlowLogRule() {
        super("ASP-EC2-010", Severity.MEDIUM, "VPC without flow logs",
                "Add an AWS::EC2::FlowLog with ResourceType VPC and ResourceId !Ref to the VPC.",
                types("AWS::EC2::VPC"), refs("W60", "AwsSolutions-VPC7"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (Resource flowLog : template.resourcesOfType("AWS::EC2::FlowLog")) {
            TemplateNode target = flowLog.property("ResourceId");
            if (io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(target, resource.logicalId())) {
                return;
            }
            TemplateNode targets = flowLog.property("ResourceIds");
            if (targets != null && targets.asList().stream().anyMatch(
                    t -> io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(t, resource.logicalId()))) {
                return;
            }
        }
        out.report(null, "No flow log is attached to this VPC");
    }
}
