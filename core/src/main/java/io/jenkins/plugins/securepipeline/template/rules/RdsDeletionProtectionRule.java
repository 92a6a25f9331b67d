package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** RDS database without deletion protection. */
public final class RdsDeletionProtectionRule extends PropertyRule {
    public RdsDeletionProtectionRule() {
        super("ASP-RDS-004", Severity.LOW, "RDS database without deletion protection",
                "Set DeletionProtection: true so a stack update or delete cannot drop the database.",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"),
                refs("F80", "AwsSolutions-RDS10"),
                Expect.TRUE, "The database can be deleted by a stack operation", "DeletionProtection");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return !RdsInstances.clusterMember(resource);
    }

    private static String text(TemplateNode node) {
        return node == null ? null : node.asText();
    }
}
