package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM policy can read every object, parameter or secret. */
public final class IamDataExfiltrationRule extends SensitiveActionRule {
    public IamDataExfiltrationRule() {
        super("ASP-IAM-017", Severity.HIGH, "IAM policy can read every object, parameter or secret",
                "Name the buckets, parameters and secrets the function or user needs.",
                IdentityPolicies.TYPES,
                refs("CKV_AWS_108"));
    }

    /** Actions that read stored data out of the account. */
    private static final java.util.List<String> ACTIONS = java.util.List.of("s3:GetObject", "ssm:GetParameter",
            "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue");

    @Override
    protected boolean sensitive(String action) {
        return coversAny(action, ACTIONS);
    }

    @Override
    protected String danger() {
        return "it can read every object, parameter or secret in the account";
    }
}
