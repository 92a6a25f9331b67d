package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Database master passwords in plain text. */
public final class DatabasePasswordRule extends PlaintextSecretRule {
    public DatabasePasswordRule() {
        super("ASP-RDS-003", Severity.HIGH, "Database master password in plain text",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::Redshift::Cluster", "AWS::DocDB::DBCluster"),
                refs("F23", "F34", "F35", "F70"), "MasterUserPassword");
    }
}
