package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** SQS queue policy granting all actions. */
public final class SqsQueuePolicyActionRule extends ResourcePolicyRule {
    public SqsQueuePolicyActionRule() {
        super("ASP-SQS-003", Severity.HIGH, "SQS queue policy grants every SQS action",
                "Grant only the actions needed, typically sqs:SendMessage.",
                types("AWS::SQS::QueuePolicy"), refs("F20"), Check.ACTION_STAR, "PolicyDocument",
                "An Allow statement grants all actions on the queue");
    }
}
