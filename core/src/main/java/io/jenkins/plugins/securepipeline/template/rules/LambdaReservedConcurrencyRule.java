package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda function without reserved concurrency. */
public final class LambdaReservedConcurrencyRule extends ValueRule {
    public LambdaReservedConcurrencyRule() {
        super("ASP-LMB-003", Severity.LOW, "Lambda function without reserved concurrency",
                "Set ReservedConcurrentExecutions so one function cannot use up the account concurrency (or be flooded without limit).",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("W92", "CKV_AWS_115"),
                true, Acceptable.anyValue(), "No concurrency limit is reserved", "ReservedConcurrentExecutions");
    }
}
