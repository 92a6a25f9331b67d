package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials for long pipeline bodies: re-assumes the role before the current session expires, so a 3-hour
 * deployment inside a 1-hour role session keeps working. Renewal happens {@code renewBefore} ahead of expiry, or
 * half-way through sessions too short for that. If a renewal fails while the current session is still valid, the
 * current one keeps being served and renewal is tried again on the next call; once expired, the failure is thrown.
 */
public final class RenewingCredentialsProvider implements AwsCredentialsProvider {
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofMinutes(5);

    private final Supplier<AssumedRole> assume;
    private final Clock clock;
    private final Duration renewBefore;
    private AssumedRole current;
    private Instant renewAt;
    private int renewals;

    public RenewingCredentialsProvider(Supplier<AssumedRole> assume, Clock clock, Duration renewBefore) {
        this.assume = Objects.requireNonNull(assume, "assume");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore");
    }

    /** Renews sessions from {@code assumer} for {@code request}. */
    public static RenewingCredentialsProvider of(RoleAssumer assumer, CredentialSource source, RoleSessionRequest request, Clock clock) {
        return new RenewingCredentialsProvider(() -> assumer.assume(source, request), clock, DEFAULT_RENEW_BEFORE);
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        return currentSession().credentials();
    }

    /** The session in use, renewed first when due. */
    public synchronized AssumedRole currentSession() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            try {
                AssumedRole renewed = assume.get();
                Instant obtainedAt = now;
                Duration lifetime = Duration.between(obtainedAt, renewed.expiration());
                Duration margin = renewBefore.compareTo(lifetime.dividedBy(2)) < 0 ? renewBefore : lifetime.dividedBy(2);
                renewAt = renewed.expiration().minus(margin);
                if (current != null) {
                    renewals++;
                }
                current = renewed;
            } catch (AwsCallException | InvalidRoleRequestException e) {
                if (current == null || !now.isBefore(current.expiration())) {
                    throw e;
                }
            }
        }
        return current;
    }

    /** How many times the session was renewed after the first assume. */
    public synchronized int renewals() {
        return renewals;
    }

    @Override
    public String toString() {
        return "RenewingCredentialsProvider[" + (current == null ? "not assumed yet" : current) + "]";
    }
}
