package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A MediaStore container without a {@code LifecyclePolicy}: objects stay until someone deletes them, so data is kept
 * longer than it is needed.
 */
public final class MediaStoreLifecyclePolicyRule extends ValueRule {
    public MediaStoreLifecyclePolicyRule() {
        super("ASP-MS-005", Severity.LOW, "MediaStore container without a lifecycle policy",
                "Set LifecyclePolicy with rules that expire objects once they are no longer needed.",
                types("AWS::MediaStore::Container"), refs("AwsSolutions-MS10"),
                true, Acceptable.notEmpty(), "Objects in the container never expire", "LifecyclePolicy");
    }
}
