package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Redshift cluster not encrypted. */
public final class RedshiftEncryptionRule extends PropertyRule {
    public RedshiftEncryptionRule() {
        super("ASP-RS-001", Severity.HIGH, "Redshift cluster not encrypted",
                "Set Encrypted: true (with KmsKeyId for a key you manage).",
                types("AWS::Redshift::Cluster"),
                refs("F28", "CKV_AWS_64", "AwsSolutions-RS6"),
                Expect.TRUE, "The warehouse data is not encrypted at rest", "Encrypted");
    }
}
