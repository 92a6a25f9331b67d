package io.jenkins.plugins.securepipeline.plugin.role;

import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.RoleArn;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;

/** The administrator's "Test connection": the configured identity assumes one role, and we say what came back. */
public final class RoleConnectionTest {
    private RoleConnectionTest() {}

    /** @return a description of the session, with no key material */
    public static String run(String roleArn, String region) {
        ControllerIdentity identity = SecurePipelineConfiguration.get().getIdentity();
        RoleSessionRequest request = RoleSessionRequest.builder(RoleArn.parse("testRoleArn", roleArn))
                .roleSessionName("Jenkins-connection-test")
                .duration(RoleSessionRequest.MIN_DURATION)
                .build();
        AssumedRole role = new RoleAssumer(ControllerAws.clients(region)).assume(identity.credentialSource(null), request);
        return "Assumed " + role.assumedRoleArn() + " with " + identity.describe() + "; the session expires at "
                + role.expiration() + ".";
    }
}
