package io.jenkins.plugins.securepipeline.role.endpoint;

import java.time.Clock;
import java.time.Instant;

/**
 * A supply that someone else keeps current: in Jenkins the controller renews the session and pushes it to the agent.
 * It serves the latest session while it is valid and never one past its expiration; after a failed renewal the reason
 * is given once the current session has expired, so the SDK reports why instead of a stale-key error from AWS.
 */
public final class PushedCredentials implements CredentialSupply {
    private final Clock clock;
    private ServedCredentials latest;
    private String failure;

    public PushedCredentials(Clock clock) {
        this.clock = clock;
    }

    public synchronized void update(ServedCredentials credentials) {
        this.latest = credentials;
        this.failure = null;
    }

    /** The renewal failed; the current session is served until it expires, then this reason. */
    public synchronized void renewalFailed(String reason) {
        this.failure = reason;
    }

    @Override
    public synchronized ServedCredentials current() throws Unavailable {
        Instant now = clock.instant();
        if (latest != null && now.isBefore(latest.expiration())) {
            return latest;
        }
        if (failure != null) {
            throw new Unavailable("the session could not be renewed: " + failure);
        }
        throw new Unavailable(latest == null ? "no session has been handed to this endpoint yet"
                : "the session expired at " + latest.expiration() + " and was not renewed");
    }
}
