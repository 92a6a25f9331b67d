package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Cognito identity pool allows unauthenticated identities. */
public final class CognitoUnauthenticatedAccessRule extends PropertyRule {
    public CognitoUnauthenticatedAccessRule() {
        super("ASP-COG-001", Severity.MEDIUM, "Cognito identity pool allows unauthenticated identities",
                "Set AllowUnauthenticatedIdentities: false unless guest access is intended (then suppress with a reason).",
                types("AWS::Cognito::IdentityPool"),
                refs("W57", "CKV_AWS_366", "AwsSolutions-COG7"),
                Expect.NOT_TRUE, "Anyone can obtain AWS credentials from this pool", "AllowUnauthenticatedIdentities");
    }
}
