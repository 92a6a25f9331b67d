package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Network ACL deny entry covers only part of the addresses. */
public final class NetworkAclIneffectiveDenyRule extends TemplateRule {
    public NetworkAclIneffectiveDenyRule() {
        super("ASP-EC2-021", Severity.LOW, "Network ACL deny entry covers only part of the addresses",
                "Deny 0.0.0.0/0 (or ::/0) and allow the addresses you need with lower rule numbers; a narrow deny is usually ineffective.",
                types("AWS::EC2::NetworkAclEntry"),
                refs("W71"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode action = resource.property("RuleAction");
        if (action == null || !action.isScalar() || !action.text().trim().equalsIgnoreCase("deny")) {
            return;
        }
        TemplateNode v4 = resource.property("CidrBlock");
        TemplateNode v6 = resource.property("Ipv6CidrBlock");
        if (v4 != null && v4.isScalar() && !v4.text().trim().equals("0.0.0.0/0")) {
            out.report(v4, "The deny entry covers only " + v4.text().trim());
        } else if (v6 != null && v6.isScalar() && !v6.text().trim().equals("::/0")) {
            out.report(v6, "The deny entry covers only " + v6.text().trim());
        }
    }
}
