package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** The execution role, when it is in the same template, gives no way to write CloudWatch Logs. Narrower than cfn_nag: a role from outside the template is not reported, and the three logs actions may come from different statements or from policies attached to the role. */
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
        if (role != null && role.type().equals("AWS::IAM::Role") && !canWriteLogs(role, template)) {
            out.report(roleRef, "The role " + role.logicalId() + " does not allow writing CloudWatch Logs");
        }
    }

    private static boolean canWriteLogs(Resource role, TemplateContext template) {
        TemplateNode managed = role.property("ManagedPolicyArns");
        if (role.properties().reachesUnknown("ManagedPolicyArns") || role.properties().reachesUnknown("Policies")) {
            return true;
        }
        if (managed != null) {
            for (TemplateNode arn : managed.asList()) {
                if (!arn.isScalar() || LOGGING_POLICIES.stream().anyMatch(p -> arn.text().endsWith("/" + p))) {
                    return true; // a managed policy from a Ref or Sub could allow it
                }
            }
        }
        // The three actions may be allowed by different statements, inline or in policies attached to the role.
        java.util.List<PolicyStatement> statements = new java.util.ArrayList<>(IdentityPolicies.statements(role));
        for (String type : new String[] {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"}) {
            for (Resource policy : ResourceLinks.pointingAt(template, type, "Roles", role)) {
                statements.addAll(IdentityPolicies.statements(policy));
            }
        }
        return allows(statements, "logs:CreateLogGroup") && allows(statements, "logs:CreateLogStream")
                && allows(statements, "logs:PutLogEvents");
    }

    private static boolean allows(java.util.List<PolicyStatement> statements, String action) {
        return statements.stream().anyMatch(statement -> statement.allow()
                && statement.actions().stream().anyMatch(pattern -> ActionPattern.covers(pattern, action)));
    }
}
