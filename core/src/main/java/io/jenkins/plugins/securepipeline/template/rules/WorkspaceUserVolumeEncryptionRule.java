package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** WorkSpaces user volume not encrypted. */
public final class WorkspaceUserVolumeEncryptionRule extends ValueRule {
    public WorkspaceUserVolumeEncryptionRule() {
        super("ASP-WS-001", Severity.MEDIUM, "WorkSpaces user volume not encrypted",
                "Set UserVolumeEncryptionEnabled: true and VolumeEncryptionKey.",
                types("AWS::WorkSpaces::Workspace"),
                refs("F29", "CKV_AWS_155"),
                true, Acceptable.isTrue(), "The user volume is not encrypted", "UserVolumeEncryptionEnabled");
    }
}
