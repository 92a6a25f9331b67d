package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Permissions attached straight to users instead of groups or roles. */
public final class IamUserPolicyRule extends TemplateRule {
    public IamUserPolicyRule() {
        super("ASP-IAM-009", Severity.LOW, "IAM policy attached directly to a user",
                "Attach policies to a group or role and add the user to it.",
                types("AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"),
                refs("F10", "F11", "F12", "CKV_AWS_40"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.type().equals("AWS::IAM::User")) {
            TemplateNode inline = resource.property("Policies");
            if (inline != null && !inline.asList().isEmpty()) {
                out.report(inline, "The user has inline policies");
            }
            TemplateNode managed = resource.property("ManagedPolicyArns");
            if (managed != null && !managed.asList().isEmpty()) {
                out.report(managed, "The user has managed policies attached directly");
            }
        } else {
            TemplateNode users = resource.property("Users");
            if (users != null && !users.asList().isEmpty()) {
                out.report(users, "The policy is attached directly to users");
            }
        }
    }
}
