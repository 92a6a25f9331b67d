package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** KMS key without automatic rotation. */
public final class KmsKeyRotationRule extends PropertyRule {
    public KmsKeyRotationRule() {
        super("ASP-KMS-001", Severity.MEDIUM, "KMS key without automatic rotation",
                "Set EnableKeyRotation: true on symmetric keys.",
                types("AWS::KMS::Key"),
                refs("F19", "CKV_AWS_7", "AwsSolutions-KMS5"),
                Expect.TRUE, "The key material is never rotated", "EnableKeyRotation");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return resource.property("KeySpec") == null || resource.property("KeySpec").is("SYMMETRIC_DEFAULT");
    }

}
