package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DynamoDB table without an explicit billing mode. */
public final class DynamoDbBillingModeRule extends ValueRule {
    public DynamoDbBillingModeRule() {
        super("ASP-DDB-003", Severity.LOW, "DynamoDB table without an explicit billing mode",
                "Set BillingMode to PAY_PER_REQUEST or PROVISIONED.",
                types("AWS::DynamoDB::Table"),
                refs("W73"),
                true, Acceptable.oneOf("PAY_PER_REQUEST", "PROVISIONED"), "The billing mode is not stated", "BillingMode");
    }
}
