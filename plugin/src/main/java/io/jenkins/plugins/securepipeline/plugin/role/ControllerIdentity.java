package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.model.Describable;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.role.CredentialSource;

/**
 * How the controller gets its first AWS identity, before any role a pipeline asks for is assumed. The choices
 * without long-lived keys on the controller come first: the SDK default chain (an EC2/ECS role), an OIDC token
 * Jenkins signs itself, an IAM Roles Anywhere certificate; an access key credential is the last resort.
 */
public abstract class ControllerIdentity implements Describable<ControllerIdentity> {
    /**
     * The credential source for one role assumption.
     *
     * @param run the build that asks, so credentials are looked up in its context and tracked on it; null for the
     *     administrator's connection test
     */
    public abstract CredentialSource credentialSource(Run<?, ?> run);

    /** One line for logs and audit events; never a secret. */
    public abstract String describe();
}
