package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/** An IAM user's console password written into the template. */
public final class LoginProfilePasswordRule extends TemplateRule {
    public LoginProfilePasswordRule() {
        super("ASP-IAM-010", Severity.HIGH, "IAM user console password in plain text",
                "Do not create console passwords in templates; use IAM Identity Center or a dynamic reference.",
                types("AWS::IAM::User"), refs("F51"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode password = resource.property("LoginProfile", "Password");
        if (password == null || !password.isScalar() || password.text().startsWith("{{resolve:")) {
            return;
        }
        if (password.parameter() == null || password.fromDefault()) {
            out.report(password, "The console password is stored in the template"
                    + (password.parameter() == null ? "" : " (Default of parameter " + password.parameter() + ")"));
        }
    }
}
