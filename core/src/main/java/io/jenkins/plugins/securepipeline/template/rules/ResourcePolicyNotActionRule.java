package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Resource policy uses Allow with NotAction. */
public final class ResourcePolicyNotActionRule extends TemplateRule {
    public ResourcePolicyNotActionRule() {
        super("ASP-IAM-014", Severity.MEDIUM, "Resource policy uses Allow with NotAction",
                "List the allowed actions in Action; NotAction with Allow grants every other action, including future ones.",
                types("AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"),
                refs("W20", "W18", "W19"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property("PolicyDocument"))) {
            if (statement.allow() && statement.notAction() != null) {
                out.report(statement.notAction(), "Allow with NotAction grants every action not listed");
            }
        }
    }
}
