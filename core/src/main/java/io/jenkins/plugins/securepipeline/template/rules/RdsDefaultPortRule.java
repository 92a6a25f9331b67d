package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;

/**
 * An RDS instance or cluster on its engine's default port: 3306 (MySQL, MariaDB, Aurora MySQL), 5432 (PostgreSQL,
 * Aurora PostgreSQL), 1521 (Oracle), 1433 (SQL Server), 50000 (Db2). Low: obscurity only (see {@link DefaultPortRule}).
 *
 * <p>Same idea as cdk-nag's AwsSolutions-RDS11. Deliberate differences: members of an Aurora cluster (their port is
 * the cluster's, reported there), read replicas (SourceDBInstanceIdentifier: they take their source's port) and
 * instances without a known Engine are not reported; Db2's default port counts too; a cluster is judged by its
 * engine's default whatever its EngineMode.
 */
public final class RdsDefaultPortRule extends DefaultPortRule {
    public RdsDefaultPortRule() {
        super("ASP-RDS-014", "RDS database on its engine's default port",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"), refs("AwsSolutions-RDS11"));
    }

    @Override
    protected Integer defaultPort(Resource resource) {
        if (RdsInstances.clusterMember(resource) || resource.property("SourceDBInstanceIdentifier") != null) {
            return null;
        }
        String engine = engine(resource);
        if (engine == null) {
            return null;
        }
        if (engine.equals("mysql") || engine.equals("mariadb") || engine.equals("aurora")
                || engine.equals("aurora-mysql")) {
            return 3306;
        }
        if (engine.equals("postgres") || engine.equals("aurora-postgresql")) {
            return 5432;
        }
        if (engine.startsWith("oracle") || engine.startsWith("custom-oracle")) {
            return 1521;
        }
        if (engine.startsWith("sqlserver") || engine.startsWith("custom-sqlserver")) {
            return 1433;
        }
        return engine.startsWith("db2") ? 50000 : null;
    }
}
