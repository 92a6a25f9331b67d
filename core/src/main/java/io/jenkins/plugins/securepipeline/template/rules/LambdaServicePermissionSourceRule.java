package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Lambda permission for an AWS service without SourceArn or SourceAccount. */
public final class LambdaServicePermissionSourceRule extends TemplateRule {
    public LambdaServicePermissionSourceRule() {
        super("ASP-LMB-010", Severity.MEDIUM, "Lambda permission for an AWS service without SourceArn or SourceAccount",
                "Add SourceArn (or SourceAccount) so only your resource of that service can invoke the function.",
                types("AWS::Lambda::Permission"),
                refs("CKV_AWS_364"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode principal = resource.property("Principal");
        if (principal == null || !principal.isScalar()) {
            return;
        }
        String[] parts = principal.text().trim().split("\\.");
        if (parts.length >= 3 && parts[1].equals("amazonaws") && parts[2].equals("com")
                && resource.property("SourceArn") == null && resource.property("SourceAccount") == null) {
            out.report(principal, "Any account's resources of " + principal.text() + " may invoke the function (confused deputy)");
        }
    }
}
