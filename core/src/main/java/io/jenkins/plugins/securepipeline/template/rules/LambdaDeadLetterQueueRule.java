package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda function without a dead-letter queue. */
public final class LambdaDeadLetterQueueRule extends TemplateRule {
    public LambdaDeadLetterQueueRule() {
        super("ASP-LMB-007", Severity.LOW, "Lambda function without a dead-letter queue",
                "Set DeadLetterConfig.TargetArn (DeadLetterQueue in SAM) to an SQS queue or SNS topic.",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("CKV_AWS_116"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String property = resource.type().equals("AWS::Serverless::Function") ? "DeadLetterQueue" : "DeadLetterConfig";
        if (!resource.properties().reachesUnknown(property) && resource.property(property) == null) {
            out.report(null, "Failed asynchronous invocations are dropped (" + property + " is not set)");
        }
    }
}
