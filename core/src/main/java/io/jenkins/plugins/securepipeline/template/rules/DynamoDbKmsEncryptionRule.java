package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DynamoDB table not encrypted with a KMS key. */
public final class DynamoDbKmsEncryptionRule extends PropertyRule {
    public DynamoDbKmsEncryptionRule() {
        super("ASP-DDB-001", Severity.LOW, "DynamoDB table not encrypted with a KMS key",
                "Set SSESpecification.SSEEnabled: true (and KMSMasterKeyId for a customer managed key).",
                types("AWS::DynamoDB::Table"),
                refs("W74", "CKV_AWS_119"),
                Expect.TRUE, "The table uses only the AWS owned key, which you cannot audit or revoke", "SSESpecification", "SSEEnabled");
    }
}
