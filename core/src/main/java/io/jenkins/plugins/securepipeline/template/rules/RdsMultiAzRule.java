package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** A non-Aurora RDS instance in a single Availability Zone. Aurora instances (DBClusterIdentifier, or an aurora engine) take their availability from the cluster. */
public final class RdsMultiAzRule extends ValueRule {
    public RdsMultiAzRule() {
        super("ASP-RDS-008", Severity.LOW, "RDS instance not Multi-AZ",
                "Set MultiAZ: true (Aurora instances are covered by their cluster and are not checked).",
                types("AWS::RDS::DBInstance"),
                refs("CKV_AWS_157", "AwsSolutions-RDS3"),
                true, Acceptable.isTrue(), "The instance runs in a single Availability Zone", "MultiAZ");
    }

    @Override
    protected boolean concerns(Resource resource) {
        String engine = lowerText(resource.property("Engine"));
        return resource.property("DBClusterIdentifier") == null && (engine == null || !engine.startsWith("aurora"));
    }
}
