package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** RDS instance reachable from the internet. */
public final class RdsPublicAccessRule extends PropertyRule {
    public RdsPublicAccessRule() {
        super("ASP-RDS-002", Severity.HIGH, "RDS instance reachable from the internet",
                "Set PubliclyAccessible: false and reach the database through the VPC.",
                types("AWS::RDS::DBInstance"),
                refs("F22", "CKV_AWS_17"),
                Expect.NOT_TRUE, "The database instance gets a public address", "PubliclyAccessible");
    }
}
