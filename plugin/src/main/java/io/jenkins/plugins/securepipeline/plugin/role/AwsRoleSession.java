package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import io.jenkins.plugins.securepipeline.role.RenewingCredentialsProvider;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The role session of an enclosing {@code assumeCrossAccountRole} block, handed to the steps inside it as a
 * context object. Steps that call AWS on the controller use {@link #credentialsProvider} and get credentials that
 * renew themselves before expiry (a long push does not fail at minute 61). The keys are kept as {@link Secret}s,
 * so the pipeline's saved state holds them encrypted.
 */
public final class AwsRoleSession implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RoleRequestSpec spec;
    private final String region;
    private final AwsRoleSession parent;
    private final Secret accessKeyId;
    private final Secret secretAccessKey;
    private final Secret sessionToken;
    private final long expirationMillis;
    private final String assumedRoleArn;

    AwsRoleSession(RoleRequestSpec spec, String region, AwsRoleSession parent, AssumedRole role) {
        this.spec = spec;
        this.region = region;
        this.parent = parent;
        this.accessKeyId = Secret.fromString(role.credentials().accessKeyId());
        this.secretAccessKey = Secret.fromString(role.credentials().secretAccessKey());
        this.sessionToken = Secret.fromString(role.credentials().sessionToken());
        this.expirationMillis = role.expiration().toEpochMilli();
        this.assumedRoleArn = role.assumedRoleArn();
    }

    public String getRoleArn() {
        return spec.roleArn;
    }

    public String getRegion() {
        return region;
    }

    public String getAssumedRoleArn() {
        return assumedRoleArn;
    }

    public Instant getExpiration() {
        return Instant.ofEpochMilli(expirationMillis);
    }

    RoleRequestSpec spec() {
        return spec;
    }

    /** The values masked in the log of the block: whatever would let someone act as this session. */
    List<String> secretValues() {
        return List.of(accessKeyId.getPlainText(), secretAccessKey.getPlainText(), sessionToken.getPlainText());
    }

    String accessKeyId() {
        return accessKeyId.getPlainText();
    }

    String secretAccessKey() {
        return secretAccessKey.getPlainText();
    }

    String sessionToken() {
        return sessionToken.getPlainText();
    }

    /**
     * Where a session assumed inside this block gets its credentials: this session's own path, assumed again (so
     * STS sees a role-chaining call and the one-hour cap is checked before calling).
     */
    CredentialSource chainedSource(Run<?, ?> run) {
        return new CredentialSource.Chained(sourceOfThisSession(run), spec.toRequest());
    }

    private CredentialSource sourceOfThisSession(Run<?, ?> run) {
        return parent == null
                ? SecurePipelineConfiguration.get().getIdentity().credentialSource(run)
                : parent.chainedSource(run);
    }

    /**
     * This block's role assumed again through the same path, the account rules applied again: a renewal for the
     * block's credential endpoint. Call on a background thread, never the CPS thread.
     */
    AssumedRole reassume(Run<?, ?> run) {
        return new RoleAssumer(ControllerAws.clients(region)).assume(SecurePipelineConfiguration.get().accountPolicy(),
                run.getParent().getFullName(), sourceOfThisSession(run), spec.toRequest());
    }

    /**
     * Credentials for controller-side AWS calls inside the block, starting with this session and re-assuming the
     * same role through the same path shortly before it expires. Call on a background thread, never the CPS thread.
     */
    public AwsCredentialsProvider credentialsProvider(Run<?, ?> run) {
        AssumedRole current = new AssumedRole(accessKeyId(), secretAccessKey(), sessionToken(), getExpiration(),
                assumedRoleArn, null);
        RoleAssumer assumer = new RoleAssumer(ControllerAws.clients(region));
        boolean[] first = {true};
        return new RenewingCredentialsProvider(() -> {
            if (first[0]) {
                first[0] = false;
                return current;
            }
            return assumer.assume(SecurePipelineConfiguration.get().accountPolicy(), run.getParent().getFullName(),
                    sourceOfThisSession(run), spec.toRequest());
        }, Clock.systemUTC(), RenewingCredentialsProvider.DEFAULT_RENEW_BEFORE);
    }
}
