package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CodeBuild artifact encryption turned off. */
public final class CodeBuildArtifactEncryptionRule extends ValueRule {
    public CodeBuildArtifactEncryptionRule() {
        super("ASP-CB-002", Severity.MEDIUM, "CodeBuild artifact encryption turned off",
                "Remove Artifacts.EncryptionDisabled or set it to false.",
                types("AWS::CodeBuild::Project"),
                refs("CKV_AWS_78"),
                false, Acceptable.notTrue(), "Build artifacts are stored unencrypted", "Artifacts", "EncryptionDisabled");
    }
}
