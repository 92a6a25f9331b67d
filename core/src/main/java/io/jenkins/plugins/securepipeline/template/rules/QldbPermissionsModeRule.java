package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** QLDB ledger in ALLOW_ALL permissions mode. */
public final class QldbPermissionsModeRule extends ValueRule {
    public QldbPermissionsModeRule() {
        super("ASP-QLDB-001", Severity.MEDIUM, "QLDB ledger in ALLOW_ALL permissions mode",
                "Set PermissionsMode: STANDARD so access is decided per table and command.",
                types("AWS::QLDB::Ledger"),
                refs("CKV_AWS_170"),
                false, Acceptable.oneOf("STANDARD"), "ALLOW_ALL gives every caller with ledger API access full access to all tables", "PermissionsMode");
    }
}
