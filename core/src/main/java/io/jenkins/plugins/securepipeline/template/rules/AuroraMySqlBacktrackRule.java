package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An Aurora MySQL cluster without Backtrack (BacktrackWindow absent or 0): a mistaken write can then only be undone
 * by restoring a backup into a new cluster, which takes hours. Backtrack can only be switched on when a cluster is
 * created, hence worth a look before the first deployment. Low: a recovery setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RDS14 (engine {@code aurora} or {@code aurora-mysql}, any case).
 * Deliberate difference: clusters where Aurora does not offer Backtrack are not reported: Aurora Serverless v1
 * ({@code EngineMode: serverless}), members of a global database (GlobalClusterIdentifier) and binlog replicas
 * (ReplicationSourceIdentifier).
 */
public final class AuroraMySqlBacktrackRule extends ValueRule {
    public AuroraMySqlBacktrackRule() {
        super("ASP-RDS-012", Severity.LOW, "Aurora MySQL cluster without Backtrack",
                "Set BacktrackWindow (seconds, up to 259200) when the cluster is created.",
                types("AWS::RDS::DBCluster"),
                refs("AwsSolutions-RDS14"),
                true, Acceptable.atLeast(1),
                "Backtrack is off, so a mistaken change can only be undone by restoring a backup into a new cluster",
                "BacktrackWindow");
    }

    @Override
    protected boolean concerns(Resource resource) {
        TemplateNode engine = resource.property("Engine");
        TemplateNode mode = resource.property("EngineMode");
        return engine != null && engine.is("aurora", "aurora-mysql")
                && (mode == null || mode.is("provisioned"))
                && resource.property("GlobalClusterIdentifier") == null
                && resource.property("ReplicationSourceIdentifier") == null;
    }
}
