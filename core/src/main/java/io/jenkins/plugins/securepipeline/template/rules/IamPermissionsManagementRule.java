package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM policy can change permissions on every resource. */
public final class IamPermissionsManagementRule extends SensitiveActionRule {
    public IamPermissionsManagementRule() {
        super("ASP-IAM-018", Severity.HIGH, "IAM policy can change permissions on every resource",
                "Name the roles, policies and resources whose permissions may be changed, or use a permissions boundary.",
                IdentityPolicies.TYPES,
                refs("CKV_AWS_109"));
    }

    /** Actions that change who may do what (identity and resource policies, grants, ACLs). */
    private static final java.util.List<String> ACTIONS = java.util.List.of("iam:AttachUserPolicy", "iam:AttachGroupPolicy",
            "iam:AttachRolePolicy", "iam:DetachUserPolicy", "iam:DetachGroupPolicy", "iam:DetachRolePolicy",
            "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:DeleteUserPolicy", "iam:DeleteGroupPolicy",
            "iam:DeleteRolePolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
            "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy", "iam:PutRolePermissionsBoundary",
            "iam:PutUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:CreateServiceLinkedRole", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl",
            "s3:PutAccessPointPolicy", "kms:CreateGrant", "kms:PutKeyPolicy", "kms:RevokeGrant", "sqs:AddPermission",
            "sqs:RemovePermission", "sns:AddPermission", "sns:RemovePermission", "lambda:AddPermission", "lambda:RemovePermission",
            "lambda:AddLayerVersionPermission", "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy",
            "secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy", "glacier:SetVaultAccessPolicy",
            "logs:PutResourcePolicy", "events:PutPermission", "ram:CreateResourceShare", "organizations:AttachPolicy",
            "sso:AttachManagedPolicyToPermissionSet", "sso:PutInlinePolicyToPermissionSet");

    @Override
    protected boolean sensitive(String action) {
        return coversAny(action, ACTIONS);
    }

    @Override
    protected String danger() {
        return "it can change the permissions of any principal or resource";
    }
}
