package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM policy allows privilege escalation on every resource. */
public final class IamPrivilegeEscalationRule extends SensitiveActionRule {
    public IamPrivilegeEscalationRule() {
        super("ASP-IAM-019", Severity.CRITICAL, "IAM policy allows privilege escalation on every resource",
                "Name the resources, remove the escalating actions, or limit them with a permissions boundary.",
                IdentityPolicies.TYPES,
                refs("CKV_AWS_110"));
    }

    /** Actions that let a principal give itself more rights on their own. */
    private static final java.util.List<String> ALONE = java.util.List.of("iam:CreatePolicyVersion",
            "iam:SetDefaultPolicyVersion", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
            "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:PutUserPolicy",
            "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:AddUserToGroup", "iam:UpdateAssumeRolePolicy",
            "lambda:UpdateFunctionCode", "glue:UpdateDevEndpoint");

    /** Actions that escalate together with iam:PassRole (run something as a more privileged role). */
    private static final java.util.List<String> WITH_PASS_ROLE = java.util.List.of("ec2:RunInstances",
            "lambda:CreateFunction", "glue:CreateDevEndpoint", "cloudformation:CreateStack", "datapipeline:CreatePipeline",
            "ecs:RunTask", "sagemaker:CreateNotebookInstance", "codebuild:CreateProject");

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        java.util.List<String> onEverything = new java.util.ArrayList<>();
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (statement.allow() && statement.anyResourceIsStar()) {
                onEverything.addAll(statement.actions());
            }
        }
        boolean passRole = onEverything.stream().anyMatch(a -> ActionPattern.covers(a, "iam:PassRole"));
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (!statement.allow() || !statement.anyResourceIsStar()) {
                continue;
            }
            for (String action : statement.actions()) {
                if (coversAny(action, ALONE) || passRole && coversAny(action, WITH_PASS_ROLE)) {
                    out.report(statement.action(), action + " on Resource \"*\"" + (coversAny(action, ALONE) ? "" : " with iam:PassRole")
                            + ": " + danger());
                    break;
                }
            }
        }
    }

    @Override
    protected boolean sensitive(String action) {
        return coversAny(action, ALONE);
    }

    @Override
    protected String danger() {
        return "a principal with this policy can give itself more permissions";
    }
}
