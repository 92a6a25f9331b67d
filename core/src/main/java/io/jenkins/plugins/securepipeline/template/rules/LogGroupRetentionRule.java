package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudWatch log group keeps logs forever. */
public final class LogGroupRetentionRule extends PropertyRule {
    public LogGroupRetentionRule() {
        super("ASP-LOG-002", Severity.LOW, "CloudWatch log group keeps logs forever",
                "Set RetentionInDays.",
                types("AWS::Logs::LogGroup"),
                refs("W86", "CKV_AWS_66"),
                Expect.PRESENT, "Logs never expire", "RetentionInDays");
    }
}
