package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** WorkSpaces root volume not encrypted. */
public final class WorkspaceRootVolumeEncryptionRule extends ValueRule {
    public WorkspaceRootVolumeEncryptionRule() {
        super("ASP-WS-002", Severity.MEDIUM, "WorkSpaces root volume not encrypted",
                "Set RootVolumeEncryptionEnabled: true and VolumeEncryptionKey.",
                types("AWS::WorkSpaces::Workspace"),
                refs("CKV_AWS_156"),
                true, Acceptable.isTrue(), "The root volume is not encrypted", "RootVolumeEncryptionEnabled");
    }
}
