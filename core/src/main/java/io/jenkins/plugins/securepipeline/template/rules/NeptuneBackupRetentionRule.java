package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Neptune cluster keeps backups for less than 7 days. */
public final class NeptuneBackupRetentionRule extends ValueRule {
    public NeptuneBackupRetentionRule() {
        super("ASP-NEP-003", Severity.LOW, "Neptune cluster keeps backups for less than 7 days",
                "Set BackupRetentionPeriod to 7 days or more.",
                types("AWS::Neptune::DBCluster"),
                refs("CKV_AWS_361", "AwsSolutions-N3"),
                true, Acceptable.atLeast(7), "Automated backups are kept for less than 7 days (the default is 1)", "BackupRetentionPeriod");
    }
}
