package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Resource policy uses Allow with NotPrincipal. */
public final class ResourcePolicyNotPrincipalRule extends TemplateRule {
    public ResourcePolicyNotPrincipalRule() {
        super("ASP-IAM-013", Severity.HIGH, "Resource policy uses Allow with NotPrincipal",
                "Name the principals in Principal; NotPrincipal with Allow grants access to everyone else, including anonymous users.",
                types("AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"),
                refs("F9", "F7", "F8"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("PolicyDocument"))) {
            if (statement.allow() && statement.notPrincipal() != null) {
                out.report(statement.notPrincipal(), "Allow with NotPrincipal grants access to every principal not listed");
            }
        }
    }
}
