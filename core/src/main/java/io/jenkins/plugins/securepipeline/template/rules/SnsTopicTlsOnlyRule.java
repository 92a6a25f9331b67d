package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An SNS topic should have a topic policy that refuses publishing without TLS: a statement denying
 * {@code sns:Publish} to every principal when {@code aws:SecureTransport} is false.
 *
 * <p>Like cdk-nag's AwsSolutions-SNS3, a topic with {@code KmsMasterKeyId} is not reported (SNS accepts only HTTPS
 * requests for encrypted topics), and a policy counts for the topics it names in {@code Topics} (Ref or GetAtt, or
 * an ARN ending in the topic's name), and so does an {@code AWS::SNS::TopicInlinePolicy} for the topic it names in
 * {@code TopicArn} (cdk-nag looks at TopicPolicy only). Deliberate differences, each to avoid a false finding: any action pattern
 * that covers sns:Publish counts ({@code sns:*}, {@code *}), where cdk-nag wants the exact action name; a Topics
 * entry or a policy document unknown at template time (a parameter, an import, a Sub of unknown parts) counts as
 * possibly naming the topic and possibly holding the denial, and so does a Principal or an Action unknown at
 * template time; of a policy evaluated for several combinations of conditions, one combination with the denial
 * is enough.
 */
public final class SnsTopicTlsOnlyRule extends TemplateRule {
    public SnsTopicTlsOnlyRule() {
        super("ASP-SNS-003", Severity.MEDIUM, "SNS topic does not require publishers to use TLS",
                "Add an AWS::SNS::TopicPolicy for the topic with a statement: Effect Deny, Principal *, Action sns:Publish,"
                        + " Condition Bool aws:SecureTransport false (or encrypt the topic with KmsMasterKeyId).",
                types("AWS::SNS::Topic"), refs("AwsSolutions-SNS3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.property("KmsMasterKeyId") != null) {
            return;
        }
        List<Resource> policies = new ArrayList<>(ResourceLinks.mayPointAt(template, "AWS::SNS::TopicPolicy", "Topics",
                resource, resource.property("TopicName")));
        policies.addAll(ResourceLinks.mayPointAt(template, "AWS::SNS::TopicInlinePolicy", "TopicArn", resource,
                resource.property("TopicName")));
        for (Resource policy : policies) {
            if (TlsDenials.present(policy.property("PolicyDocument"), "sns:Publish")) {
                return;
            }
        }
        out.report(null, "No topic policy denies sns:Publish to requests made without TLS");
    }
}
