package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Cloud9 EC2 environment that is reached over SSH (ConnectionType CONNECT_SSH, the default) instead of through
 * Systems Manager: the instance then needs a public address and a security group admitting SSH from the Cloud9
 * service, where CONNECT_SSM needs no inbound port at all and access is controlled by IAM. Low: the inbound rule
 * Cloud9 creates admits the Cloud9 service's address ranges only, not the whole internet.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-C91 (ConnectionType absent or not CONNECT_SSM), compared ignoring
 * case; a ConnectionType that cannot be known before deployment passes.
 */
public final class Cloud9SsmConnectionRule extends ValueRule {
    public Cloud9SsmConnectionRule() {
        super("ASP-C9-001", Severity.LOW, "Cloud9 environment reached over SSH instead of Systems Manager",
                "Set ConnectionType: CONNECT_SSM (a no-ingress instance; give it a subnet with a route to Systems"
                        + " Manager).",
                types("AWS::Cloud9::EnvironmentEC2"), refs("AwsSolutions-C91"),
                true, Acceptable.oneOf("CONNECT_SSM"),
                "The environment's instance accepts SSH connections instead of using Systems Manager",
                "ConnectionType");
    }
}
