package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** The execution role, when it is in the same template, gives no way to write CloudWatch Logs. Narrower than cfn_nag: a role from outside the template cannot be judged and is not reported. */
public final class LambdaLogsPermissionRule extends TemplateRule {
    public LambdaLogsPermissionRule() {
        super("ASP-LMB-011", Severity.LOW, "Lambda function role cannot write CloudWatch Logs",
                "Attach AWSLambdaBasicExecutionRole (or allow logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents) to the role.",
                types("AWS::Lambda::Function"),
                refs("W58"));
    }

    private static final java.util.List<String> LOGGING_POLICIES = java.util.List.of("CloudWatchLogsFullAccess",
            "AWSLambdaBasicExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaExecute",
            "AWSLambdaKinesisExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaVPCAccessExecutionRole");

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode roleRef = resource.property("Role");
        Resource role = ResourceLinks.resolve(roleRef, template);
        if (role != null && role.type().equals("AWS::IAM::Role") && !canWriteLogs(role)) {
            out.report(roleRef, "The role " + role.logicalId() + " does not allow writing CloudWatch Logs");
        }
    }

    private static boolean canWriteLogs(Resource role) {
        TemplateNode managed = role.property("ManagedPolicyArns");
        if (role.properties().reachesUnknown("ManagedPolicyArns") || role.properties().reachesUnknown("Policies")) {
            return true;
        }
        if (managed != null) {
            for (TemplateNode arn : managed.asList()) {
                if (!arn.isScalar() || LOGGING_POLICIES.stream().anyMatch(p -> arn.text().endsWith("/" + p))) {
                    return true;
                }
            }
        }
        for (PolicyStatement statement : IdentityPolicies.statements(role)) {
            if (statement.allow() && allows(statement, "logs:CreateLogGroup") && allows(statement, "logs:CreateLogStream")
                    && allows(statement, "logs:PutLogEvents")) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(PolicyStatement statement, String action) {
        return statement.actions().stream().anyMatch(pattern -> ActionPattern.covers(pattern, action));
    }
}
