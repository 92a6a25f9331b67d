package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;
import java.util.List;
import java.util.Map;

/** An IAM user's console password written into the template, or readable from the stack's parameters. */
public final class LoginProfilePasswordRule extends PlaintextSecretRule {
    public LoginProfilePasswordRule() {
        super("ASP-IAM-010", Severity.HIGH, "IAM user console password in plain text", refs("F51"),
                Map.of("AWS::IAM::User", List.of("LoginProfile.Password")));
    }
}
