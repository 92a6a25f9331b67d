package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** SQS encrypts new queues with SQS-owned keys unless told not to; only an explicit opt-out is reported. */
public final class SqsQueueEncryptionRule extends TemplateRule {
    public SqsQueueEncryptionRule() {
        super("ASP-SQS-001", Severity.MEDIUM, "SQS queue encryption turned off",
                "Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId.", types("AWS::SQS::Queue"),
                refs("W48", "CKV_AWS_27", "AwsSolutions-SQS2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode managed = resource.property("SqsManagedSseEnabled");
        if (resource.property("KmsMasterKeyId") == null && managed != null && managed.isFalse()) {
            out.report(managed, "Messages are stored unencrypted (SQS managed encryption disabled, no KMS key)");
        }
    }
}
