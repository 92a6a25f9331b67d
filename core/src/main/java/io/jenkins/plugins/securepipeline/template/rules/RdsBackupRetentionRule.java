package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** BackupRetentionPeriod 0 turns automated backups off. */
public final class RdsBackupRetentionRule extends TemplateRule {
    public RdsBackupRetentionRule() {
        super("ASP-RDS-005", Severity.MEDIUM, "RDS automated backups disabled",
                "Set BackupRetentionPeriod to at least 7 days.", types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"),
                refs("W75", "AwsSolutions-RDS13"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode days = resource.property("BackupRetentionPeriod");
        if (days != null && days.isScalar() && days.text().trim().equals("0")) {
            out.report(days, "Automated backups are disabled (retention 0 days)");
        }
    }
}
