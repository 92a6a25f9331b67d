package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.Set;

/** AWS managed policies that give (near) administrator rights. */
public final class IamPrivilegedManagedPolicyRule extends TemplateRule {
    private static final Set<String> PRIVILEGED = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    public IamPrivilegedManagedPolicyRule() {
        super("ASP-IAM-008", Severity.HIGH, "Administrator-level AWS managed policy attached",
                "Write a policy with the permissions the principal needs.",
                types("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function"),
                refs("W43", "W44", "AwsSolutions-IAM4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        java.util.List<TemplateNode> candidates = new java.util.ArrayList<>();
        TemplateNode arns = resource.property("ManagedPolicyArns");
        if (arns != null) {
            candidates.addAll(arns.asList());
        }
        TemplateNode policies = resource.property("Policies");
        if (policies != null && resource.type().startsWith("AWS::Serverless::")) {
            candidates.addAll(policies.asList());
        }
        for (TemplateNode arn : candidates) {
            String text = arn.asText();
            if (text == null) {
                continue;
            }
            String name = text.substring(text.lastIndexOf('/') + 1);
            if (PRIVILEGED.contains(name) && (text.contains(":iam::aws:policy/") || !text.contains(":"))) {
                out.report(arn, "The AWS managed policy " + name + " is attached");
            }
        }
    }
}
