package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CodeBuild project without a customer managed key. */
public final class CodeBuildKmsKeyRule extends ValueRule {
    public CodeBuildKmsKeyRule() {
        super("ASP-CB-001", Severity.LOW, "CodeBuild project without a customer managed key",
                "Set EncryptionKey to a customer managed KMS key.",
                types("AWS::CodeBuild::Project"),
                refs("W32", "AwsSolutions-CB4"),
                true, Acceptable.notEmpty(), "The project does not name its own KMS key for build artifacts", "EncryptionKey");
    }
}
