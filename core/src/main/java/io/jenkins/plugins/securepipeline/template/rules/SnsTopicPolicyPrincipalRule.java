package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** SNS topic policy open to everyone. */
public final class SnsTopicPolicyPrincipalRule extends ResourcePolicyRule {
    public SnsTopicPolicyPrincipalRule() {
        super("ASP-SNS-002", Severity.HIGH, "SNS topic policy grants access to everyone",
                "Name the principals, or add a Condition such as aws:SourceOwner or aws:SourceArn.",
                types("AWS::SNS::TopicPolicy"), refs("F18"), Check.PRINCIPAL_EVERYONE, "PolicyDocument",
                "An Allow statement lets any principal use the topic, with no condition");
    }
}
