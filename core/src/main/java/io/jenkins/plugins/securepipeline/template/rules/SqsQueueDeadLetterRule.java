package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An SQS queue that has no dead-letter queue (RedrivePolicy) and is not one itself: messages that keep failing are
 * received again and again until their retention period ends, and are then deleted without anyone seeing them. Low:
 * a recovery and visibility setting.
 *
 * <p>A queue counts as a dead-letter queue when something in the same template sends failures to it: another
 * queue's RedrivePolicy deadLetterTargetArn or a Lambda function's DeadLetterConfig TargetArn (what cdk-nag's
 * AwsSolutions-SQS3 looks at), and, deliberately beyond cdk-nag, a SAM function's DeadLetterQueue, an SNS
 * subscription's RedrivePolicy, an EventBridge rule target's or a Scheduler schedule's DeadLetterConfig, and the
 * OnFailure destination of a Lambda event invoke configuration or event source mapping; also a queue whose own
 * RedriveAllowPolicy lets source queues use it (anything but denyAll), which is how a dead-letter queue for queues
 * of another stack says what it is. A reference names the queue by Ref or GetAtt, or by an ARN or URL ending in
 * its QueueName (any literal, when the name cannot be known); a value that cannot be known could name any queue and
 * makes every queue count, so the rule never guesses.
 */
public final class SqsQueueDeadLetterRule extends TemplateRule {
    /** Where each resource type names the queue it sends failures to. */
    private static final List<String[]> SOURCES = List.of(
            new String[] {"AWS::SQS::Queue", "RedrivePolicy", "deadLetterTargetArn"},
            new String[] {"AWS::Lambda::Function", "DeadLetterConfig", "TargetArn"},
            new String[] {"AWS::Serverless::Function", "DeadLetterQueue", "TargetArn"},
            new String[] {"AWS::SNS::Subscription", "RedrivePolicy", "deadLetterTargetArn"},
            new String[] {"AWS::Events::Rule", "Targets", "DeadLetterConfig", "Arn"},
            new String[] {"AWS::Scheduler::Schedule", "Target", "DeadLetterConfig", "Arn"},
            new String[] {"AWS::Lambda::EventInvokeConfig", "DestinationConfig", "OnFailure", "Destination"},
            new String[] {"AWS::Lambda::EventSourceMapping", "DestinationConfig", "OnFailure", "Destination"});

    /** The queues the template's resources send failures to. */
    private record DeadLetterTargets(Set<String> logicalIds, Set<String> names, boolean anyLiteral, boolean anything) {
        boolean mayName(Resource queue) {
            if (anything || logicalIds.contains(queue.logicalId())) {
                return true;
            }
            TemplateNode name = queue.property("QueueName");
            return name != null && (name.isScalar() ? names.contains(name.text().trim()) : anyLiteral);
        }
    }

    public SqsQueueDeadLetterRule() {
        super("ASP-SQS-005", Severity.LOW, "SQS queue without a dead-letter queue",
                "Set RedrivePolicy (deadLetterTargetArn and maxReceiveCount) to a dead-letter queue; a queue that is"
                        + " itself a dead-letter queue for another stack's queues can say so with RedriveAllowPolicy.",
                types("AWS::SQS::Queue"),
                refs("AwsSolutions-SQS3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown() || resource.properties().reachesUnknown("RedrivePolicy")
                || resource.property("RedrivePolicy") != null) {
            return;
        }
        TemplateNode allow = resource.property("RedriveAllowPolicy");
        if (allow != null) {
            TemplateNode permission = allow.get("redrivePermission");
            if (permission == null || !permission.is("denyAll")) {
                return;
            }
        }
        DeadLetterTargets targets = template.derived("SQS dead-letter targets", SqsQueueDeadLetterRule::collect);
        if (!targets.mayName(resource)) {
            out.report(null, "Messages that keep failing are retried until they expire and are then lost unseen:"
                    + " the queue has no RedrivePolicy and nothing in this template uses it as a dead-letter queue");
        }
    }

    private static DeadLetterTargets collect(TemplateContext template) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        boolean anyLiteral = false;
        boolean anything = false;
        for (String[] source : SOURCES) {
            for (Resource pointing : template.resourcesOfType(source[0])) {
                for (TemplateNode value : values(pointing.properties(), source, 1)) {
                    String id = ResourceLinks.target(value);
                    if (id != null && template.resource(id) != null) {
                        ids.add(id);
                    } else if (value.isScalar()) {
                        String text = value.text().trim();
                        names.add(text.substring(Math.max(text.lastIndexOf(':'), text.lastIndexOf('/')) + 1));
                        anyLiteral = true;
                    } else {
                        anything = true;
                    }
                }
            }
        }
        return new DeadLetterTargets(Set.copyOf(ids), Set.copyOf(names), anyLiteral, anything);
    }

    /**
     * The values at path[from..] below {@code node}, stepping into every item of a list on the way (a rule's
     * Targets); a step that meets a value unknown before deployment, or text where a map belongs, yields a value
     * that could name any queue.
     */
    private static List<TemplateNode> values(TemplateNode node, String[] path, int from) {
        if (node.isUnknown() || from == path.length) {
            return List.of(node);
        }
        if (node.isList()) {
            return node.items().stream().flatMap(item -> values(item, path, from).stream()).toList();
        }
        if (!node.isMap()) {
            // text where a map belongs (a policy written as a JSON string) could name any queue
            return List.of(TemplateNode.unknown("text in place of " + path[from - 1], node.line(), node.column()));
        }
        TemplateNode next = node.get(path[from]);
        return next == null ? List.of() : values(next, path, from + 1);
    }
}
