package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** IAM login profile does not force a password reset. */
public final class LoginProfilePasswordResetRule extends TemplateRule {
    public LoginProfilePasswordResetRule() {
        super("ASP-IAM-012", Severity.MEDIUM, "IAM login profile does not force a password reset",
                "Set LoginProfile.PasswordResetRequired: true so the first password is used once.",
                types("AWS::IAM::User"),
                refs("W50"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode profile = resource.property("LoginProfile");
        if (profile == null || !profile.isMap()) {
            return;
        }
        TemplateNode reset = profile.get("PasswordResetRequired");
        if (reset == null || reset.isFalse()) {
            out.report(reset == null ? profile : reset, "The user may keep the password written for the template");
        }
    }
}
