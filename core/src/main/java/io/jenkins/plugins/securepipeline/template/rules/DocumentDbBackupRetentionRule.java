package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DocumentDB cluster keeps backups for less than 7 days. */
public final class DocumentDbBackupRetentionRule extends ValueRule {
    public DocumentDbBackupRetentionRule() {
        super("ASP-DOC-003", Severity.LOW, "DocumentDB cluster keeps backups for less than 7 days",
                "Set BackupRetentionPeriod to 7 days or more.",
                types("AWS::DocDB::DBCluster"),
                refs("CKV_AWS_360", "AwsSolutions-DOC4"),
                true, Acceptable.atLeast(7), "Automated backups are kept for less than 7 days (the default is 1)", "BackupRetentionPeriod");
    }
}
