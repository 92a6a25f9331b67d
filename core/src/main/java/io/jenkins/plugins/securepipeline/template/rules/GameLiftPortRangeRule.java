package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** GameLift fleet opens an inbound port range. */
public final class GameLiftPortRangeRule extends TemplateRule {
    public GameLiftPortRangeRule() {
        super("ASP-GML-001", Severity.LOW, "GameLift fleet opens an inbound port range",
                "Open the single ports the game server needs in EC2InboundPermissions.",
                types("AWS::GameLift::Fleet"),
                refs("W65"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode permissions = resource.property("EC2InboundPermissions");
        if (permissions == null) {
            return;
        }
        for (TemplateNode permission : permissions.asList()) {
            TemplateNode from = permission.get("FromPort");
            TemplateNode to = permission.get("ToPort");
            if (from != null && to != null && from.isScalar() && to.isScalar() && !from.text().trim().equals(to.text().trim())) {
                out.report(permission, "The fleet opens ports " + from.text() + "-" + to.text());
            }
        }
    }
}
