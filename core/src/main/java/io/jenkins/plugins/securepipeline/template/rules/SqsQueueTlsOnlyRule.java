package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS queue should have a queue policy that refuses requests made without TLS: a statement denying every
 * principal the message actions when {@code aws:SecureTransport} is false. A policy counts for the queues it names
 * in {@code Queues} (Ref or GetAtt, or a URL ending in the queue's name), and so does an
 * {@code AWS::SQS::QueueInlinePolicy} for the queue it names in {@code Queue}.
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-SQS4, each to avoid a false finding: the denial must cover
 * {@code sqs:SendMessage} and {@code sqs:ReceiveMessage}, the actions that carry message bodies (so {@code sqs:*},
 * {@code *} or a list naming both count), where cdk-nag accepts only {@code sqs:*} or {@code *}; and only a queue
 * whose server-side encryption is switched off ({@code SqsManagedSseEnabled: false} without {@code KmsMasterKeyId})
 * is judged, because SQS documents that every request to a queue with server-side encryption must use HTTPS, and
 * SQS encrypts new queues with its own keys unless told not to (the premise of ASP-SQS-001, which reports that
 * opt-out). cdk-nag judges every queue. As in the SNS rule, Queues entries, documents, principals and actions
 * unknown at template time count in the queue's favour, and one combination of conditions with the denial is
 * enough.
 */
public final class SqsQueueTlsOnlyRule extends TemplateRule {
    public SqsQueueTlsOnlyRule() {
        super("ASP-SQS-004", Severity.MEDIUM, "SQS queue does not require TLS",
                "Add an AWS::SQS::QueuePolicy for the queue with a statement: Effect Deny, Principal *, Action sqs:*,"
                        + " Condition Bool aws:SecureTransport false (or leave server-side encryption on).",
                types("AWS::SQS::Queue"), refs("AwsSolutions-SQS4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode managedSse = resource.property("SqsManagedSseEnabled");
        if (resource.property("KmsMasterKeyId") != null || managedSse == null || !managedSse.isFalse()) {
            return;
        }
        List<Resource> policies = new ArrayList<>(ResourceLinks.mayPointAt(template, "AWS::SQS::QueuePolicy", "Queues",
                resource, resource.property("QueueName")));
        policies.addAll(ResourceLinks.mayPointAt(template, "AWS::SQS::QueueInlinePolicy", "Queue", resource,
                resource.property("QueueName")));
        for (Resource policy : policies) {
            if (TlsDenials.present(policy.property("PolicyDocument"), "sqs:SendMessage", "sqs:ReceiveMessage")) {
                return;
            }
        }
        out.report(managedSse, "No queue policy denies requests made without TLS, and server-side encryption is switched off (SqsManagedSseEnabled: false)");
    }
}
