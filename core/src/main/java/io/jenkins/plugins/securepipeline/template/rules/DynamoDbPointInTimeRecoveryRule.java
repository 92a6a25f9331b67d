package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DynamoDB table without point-in-time recovery. */
public final class DynamoDbPointInTimeRecoveryRule extends PropertyRule {
    public DynamoDbPointInTimeRecoveryRule() {
        super("ASP-DDB-002", Severity.MEDIUM, "DynamoDB table without point-in-time recovery",
                "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true.",
                types("AWS::DynamoDB::Table"),
                refs("W78", "CKV_AWS_28", "AwsSolutions-DDB3"),
                Expect.TRUE, "The table cannot be restored to an earlier point in time", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled");
    }
}
