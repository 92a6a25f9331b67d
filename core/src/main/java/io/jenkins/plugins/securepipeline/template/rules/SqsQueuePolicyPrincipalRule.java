package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** SQS queue policy open to everyone. */
public final class SqsQueuePolicyPrincipalRule extends ResourcePolicyRule {
    public SqsQueuePolicyPrincipalRule() {
        super("ASP-SQS-002", Severity.HIGH, "SQS queue policy grants access to everyone",
                "Name the principals, or add a Condition such as aws:SourceArn.",
                types("AWS::SQS::QueuePolicy"), refs("F21"), Check.PRINCIPAL_EVERYONE, "PolicyDocument",
                "An Allow statement lets any principal use the queue, with no condition");
    }
}
