package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** RDS storage not encrypted at rest. */
public final class RdsStorageEncryptionRule extends PropertyRule {
    public RdsStorageEncryptionRule() {
        super("ASP-RDS-001", Severity.HIGH, "RDS storage not encrypted at rest",
                "Set StorageEncrypted: true (with KmsKeyId for a key you manage); it cannot be changed after creation.",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"),
                refs("F26", "F27", "CKV_AWS_16", "CKV_AWS_96", "AwsSolutions-RDS2"),
                Expect.TRUE, "The database storage is not encrypted", "StorageEncrypted");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return !RdsInstances.clusterMember(resource);
    }

    private static String text(TemplateNode node) {
        return node == null ? null : node.asText();
    }
}
