package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** A SageMaker notebook whose role (in the same template) allows every action, in its trust policy (what checkov looks at) or on every resource in its permissions. A role from outside the template is not judged. */
public final class SageMakerNotebookRoleStarRule extends TemplateRule {
    public SageMakerNotebookRoleStarRule() {
        super("ASP-SGM-008", Severity.HIGH, "SageMaker notebook runs with a role that allows every action",
                "Give the notebook a role that allows the actions it needs, and a trust policy that allows only sts:AssumeRole.",
                types("AWS::SageMaker::NotebookInstance"),
                refs("CKV2_AWS_68"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode roleRef = resource.property("RoleArn");
        Resource role = ResourceLinks.resolve(roleRef, template);
        if (role != null && role.type().equals("AWS::IAM::Role")) {
            for (PolicyStatement statement : PolicyStatement.of(role.property("AssumeRolePolicyDocument"))) {
                if (statement.allow() && statement.anyAction("*")) {
                    out.report(roleRef, "The trust policy of role " + role.logicalId() + " allows every action");
                    return;
                }
            }
            for (PolicyStatement statement : IdentityPolicies.statements(role)) {
                if (statement.allow() && statement.anyAction("*") && statement.anyResourceIsStar()) {
                    out.report(roleRef, "Role " + role.logicalId() + " allows every action on every resource");
                    return;
                }
            }
        }
    }
}
