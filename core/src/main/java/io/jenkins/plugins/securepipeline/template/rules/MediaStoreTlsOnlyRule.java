package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A MediaStore container whose policy allows requests made without TLS: an Allow statement without
 * {@code Bool aws:SecureTransport true}, and no statement denying every principal {@code mediastore:GetObject} and
 * {@code mediastore:PutObject} when {@code aws:SecureTransport} is false.
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-MS3, each to avoid a false finding: a container without a
 * {@code Policy} is not reported, since MediaStore then attaches its default policy, which requires HTTPS; a policy
 * whose every Allow statement requires {@code aws:SecureTransport} true is TLS-only without a Deny; a denial covering
 * the object reads and writes counts, where cdk-nag wants the action {@code mediastore:*} or {@code *}. A policy,
 * Principal or Action unknown at template time counts in the container's favour.
 */
public final class MediaStoreTlsOnlyRule extends TemplateRule {
    public MediaStoreTlsOnlyRule() {
        super("ASP-MS-001", Severity.MEDIUM, "MediaStore container policy does not require TLS",
                "Add Condition Bool aws:SecureTransport true to every Allow statement of the container Policy, or a statement:"
                        + " Effect Deny, Principal *, Action mediastore:*, Condition Bool aws:SecureTransport false.",
                types("AWS::MediaStore::Container"), refs("AwsSolutions-MS3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode policy = resource.property("Policy");
        if (policy == null || TlsDenials.present(policy, "mediastore:GetObject", "mediastore:PutObject")) {
            return;
        }
        for (PolicyStatement statement : PolicyStatement.of(policy)) {
            TemplateNode secure = statement.conditionValue("Bool", "aws:SecureTransport");
            if (statement.allow() && (secure == null || !secure.isUnknown() && !statement.conditionIs("Bool", "aws:SecureTransport", "true"))
                    && (statement.condition() == null || statement.condition().isMap())) {
                out.report(statement.node(), "An Allow statement of the container policy accepts requests made without TLS");
            }
        }
    }
}
