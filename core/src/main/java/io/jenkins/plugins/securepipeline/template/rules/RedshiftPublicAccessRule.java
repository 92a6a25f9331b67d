package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Redshift cluster reachable from the internet. */
public final class RedshiftPublicAccessRule extends PropertyRule {
    public RedshiftPublicAccessRule() {
        super("ASP-RS-002", Severity.HIGH, "Redshift cluster reachable from the internet",
                "Set PubliclyAccessible: false.",
                types("AWS::Redshift::Cluster"),
                refs("CKV_AWS_87", "AwsSolutions-RS8"),
                Expect.NOT_TRUE, "The cluster gets a public address", "PubliclyAccessible");
    }
}
