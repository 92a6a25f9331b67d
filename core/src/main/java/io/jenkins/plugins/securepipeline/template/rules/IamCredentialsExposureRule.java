package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM policy can expose credentials on every resource. */
public final class IamCredentialsExposureRule extends SensitiveActionRule {
    public IamCredentialsExposureRule() {
        super("ASP-IAM-016", Severity.HIGH, "IAM policy can expose credentials on every resource",
                "Name the resources (users, roles, secrets) the credential actions apply to.",
                IdentityPolicies.TYPES,
                refs("CKV_AWS_107"));
    }

    /** Actions that return or create credentials, tokens or passwords. */
    private static final java.util.List<String> ACTIONS = java.util.List.of("iam:CreateAccessKey", "iam:UpdateAccessKey",
            "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:CreateServiceSpecificCredential",
            "iam:ResetServiceSpecificCredential", "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
            "sts:GetFederationToken", "sts:GetSessionToken", "ecr:GetAuthorizationToken", "ec2:GetPasswordData",
            "redshift:GetClusterCredentials", "rds-db:Connect", "sso:GetRoleCredentials", "cognito-identity:GetOpenIdToken",
            "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "cognito-identity:GetCredentialsForIdentity",
            "connect:GetFederationToken", "gamelift:RequestUploadCredentials", "lightsail:GetInstanceAccessDetails",
            "lightsail:GetRelationalDatabaseMasterUserPassword", "chime:CreateApiKey", "codepipeline:PollForJobs",
            "mediapackage:RotateIngestEndpointCredentials");

    @Override
    protected boolean sensitive(String action) {
        return !ActionPattern.acceptsOnlyResourceStar(action) && coversAny(action, ACTIONS);
    }

    @Override
    protected String danger() {
        return "it can hand out credentials for any user, role or database";
    }
}
