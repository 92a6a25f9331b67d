package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Without SecurityGroupEgress, AWS adds "allow all outbound"; make that choice visible. */
public final class SecurityGroupNoEgressRule extends TemplateRule {
    public SecurityGroupNoEgressRule() {
        super("ASP-EC2-008", Severity.LOW, "Security group without explicit egress rules",
                "Declare SecurityGroupEgress (or a separate SecurityGroupEgress resource), even if it allows everything.",
                types("AWS::EC2::SecurityGroup"), refs("F1000"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.property("SecurityGroupEgress") != null) {
            return;
        }
        for (Resource egress : template.resourcesOfType("AWS::EC2::SecurityGroupEgress")) {
            if (io.jenkins.plugins.securepipeline.template.IntrinsicValues.refersTo(egress.property("GroupId"), resource.logicalId())) {
                return;
            }
        }
        out.report(null, "No egress rule is declared, so all outbound traffic is allowed implicitly");
    }
}
