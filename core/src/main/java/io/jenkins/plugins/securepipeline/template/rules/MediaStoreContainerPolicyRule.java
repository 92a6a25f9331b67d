package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A MediaStore container without a {@code Policy} of its own. MediaStore then attaches its default policy, which lets
 * the account's IAM identities perform every container operation (over HTTPS, so ASP-MS-001 does not report it);
 * a container policy can limit access to the principals and actions that need it. Low: the default is not open to
 * other accounts.
 */
public final class MediaStoreContainerPolicyRule extends ValueRule {
    public MediaStoreContainerPolicyRule() {
        super("ASP-MS-003", Severity.LOW, "MediaStore container without a container policy",
                "Set Policy to a container policy that grants only the principals and mediastore actions that need access.",
                types("AWS::MediaStore::Container"), refs("AwsSolutions-MS7"),
                true, Acceptable.notEmpty(), "The container has no policy of its own, so access is left to MediaStore's"
                        + " default policy", "Policy");
    }
}
