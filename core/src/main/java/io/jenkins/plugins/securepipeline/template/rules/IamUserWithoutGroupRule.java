package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** IAM user in no group. */
public final class IamUserWithoutGroupRule extends TemplateRule {
    public IamUserWithoutGroupRule() {
        super("ASP-IAM-011", Severity.LOW, "IAM user in no group",
                "Put the user in a group (Groups, or AWS::IAM::UserToGroupAddition) and grant permissions to the group.",
                types("AWS::IAM::User"),
                refs("F2000"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode groups = resource.property("Groups");
        if (groups != null && (!groups.isList() || !groups.items().isEmpty())) {
            return;
        }
        if (!ResourceLinks.targets(template, "AWS::IAM::UserToGroupAddition", "Users").includes(resource, resource.property("UserName"))) {
            out.report(groups, "The user belongs to no group, so its permissions are managed one user at a time");
        }
    }
}
