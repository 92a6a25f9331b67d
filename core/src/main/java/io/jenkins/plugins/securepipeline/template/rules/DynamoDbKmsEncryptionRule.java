package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * DynamoDB table not encrypted with a customer managed KMS key: without SSEEnabled the AWS owned key is used,
 * with SSEEnabled but no KMSMasterKeyId (or the aws/dynamodb alias) the AWS managed key, neither of which you can
 * audit or revoke through your own key policy.
 */
public final class DynamoDbKmsEncryptionRule extends TemplateRule {
    public DynamoDbKmsEncryptionRule() {
        super("ASP-DDB-001", Severity.LOW, "DynamoDB table not encrypted with a KMS key",
                "Set SSESpecification.SSEEnabled: true and KMSMasterKeyId naming a customer managed key.",
                types("AWS::DynamoDB::Table"),
                refs("W74", "CKV_AWS_119"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().reachesUnknown("SSESpecification", "SSEEnabled")) {
            return;
        }
        TemplateNode enabled = resource.property("SSESpecification", "SSEEnabled");
        if (enabled == null || enabled.isFalse()) {
            out.report(enabled, "The table uses only the AWS owned key, which you cannot audit or revoke"
                    + (enabled == null ? " (SSESpecification.SSEEnabled is not set)" : ""));
            return;
        }
        TemplateNode key = resource.property("SSESpecification", "KMSMasterKeyId");
        if (enabled.isTrue() && (key == null || KmsKeys.awsManaged(key))) {
            out.report(key == null ? enabled : key, "The table uses the AWS managed key, not a customer managed key");
        }
    }
}
