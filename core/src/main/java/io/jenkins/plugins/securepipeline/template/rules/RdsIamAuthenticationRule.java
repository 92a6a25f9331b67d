package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM authentication off on a MySQL, MariaDB, PostgreSQL or Aurora database (the engines that support it). Instances that belong to a cluster are judged on the cluster. */
public final class RdsIamAuthenticationRule extends ValueRule {
    public RdsIamAuthenticationRule() {
        super("ASP-RDS-009", Severity.LOW, "RDS database without IAM authentication",
                "Set EnableIAMDatabaseAuthentication: true and let applications connect with IAM tokens.",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"),
                refs("CKV_AWS_161", "CKV_AWS_162", "AwsSolutions-RDS6", "AwsSolutions-N5"),
                true, Acceptable.isTrue(), "IAM database authentication is off", "EnableIAMDatabaseAuthentication");
    }

    @Override
    protected boolean concerns(Resource resource) {
        String engine = lowerText(resource.property("Engine"));
        if (engine == null || resource.type().equals("AWS::RDS::DBInstance") && resource.property("DBClusterIdentifier") != null) {
            return false;
        }
        return engine.startsWith("mysql") || engine.startsWith("mariadb") || engine.startsWith("postgres")
                || engine.startsWith("aurora");
    }
}
