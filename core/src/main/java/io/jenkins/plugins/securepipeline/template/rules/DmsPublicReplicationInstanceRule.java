package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** A DMS replication instance with a public IP address. Stricter than checkov: a missing PubliclyAccessible is reported, because it defaults to true. */
public final class DmsPublicReplicationInstanceRule extends ValueRule {
    public DmsPublicReplicationInstanceRule() {
        super("ASP-DMS-001", Severity.HIGH, "DMS replication instance publicly accessible",
                "Set PubliclyAccessible: false (it defaults to true).",
                types("AWS::DMS::ReplicationInstance"),
                refs("W91", "CKV_AWS_89"),
                true, Acceptable.isFalse(), "The replication instance gets a public IP address", "PubliclyAccessible");
    }
}
