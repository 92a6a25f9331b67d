package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.AwsFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Obtains role credentials: from the {@link CredentialSource} to the target role of a {@link RoleSessionRequest},
 * through STS ({@code AssumeRole}, {@code AssumeRoleWithWebIdentity}) or IAM Roles Anywhere ({@code CreateSession}).
 * Every AWS error becomes an {@link AwsCallException} that says what to check; nothing here logs.
 */
public final class RoleAssumer {
    private static final String PACKED_POLICY_TOO_LARGE = "PackedPolicyTooLarge";
    /** Credentials that expire sooner than this are no use to a step or a command: refused, not handed out. */
    static final Duration MIN_REMAINING_LIFETIME = Duration.ofMinutes(1);

    private final AwsClients clients;
    private final RolesAnywhereClient rolesAnywhere;
    private final Clock clock;

    public RoleAssumer(AwsClients clients) {
        this(clients, Clock.systemUTC());
    }

    RoleAssumer(AwsClients clients, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.rolesAnywhere = new RolesAnywhereClient(clients.settings());
        this.clock = clock;
    }

    /**
     * Checks the admin's account policy for {@code jobFullName} first and calls AWS only when it allows the request,
     * so a Jenkinsfile cannot reach a role the admin did not grant, not even to probe it.
     *
     * @throws RoleDeniedException with the decision when the policy denies
     */
    public AssumedRole assume(AccountPolicy policy, String jobFullName, CredentialSource source, RoleSessionRequest request) {
        PolicyDecision decision = policy.evaluate(jobFullName, request);
        if (!decision.allowed()) {
            throw new RoleDeniedException(decision);
        }
        if (source instanceof CredentialSource.Chained chained) {
            PolicyDecision first = policy.evaluate(jobFullName, chained.intermediate());
            if (!first.allowed()) {
                throw new RoleDeniedException(first);
            }
        }
        return assume(source, request);
    }

    /**
     * @throws IllegalStateException when the answer holds credentials that have expired or expire within a minute
     *     (a wrong clock here, or an endpoint that is not STS): handing them out would only fail later, elsewhere
     */
    public AssumedRole assume(CredentialSource source, RoleSessionRequest request) {
        return unexpired(obtain(source, request));
    }

    private AssumedRole unexpired(AssumedRole role) {
        Instant now = clock.instant();
        if (role.expiration().isBefore(now.plus(MIN_REMAINING_LIFETIME))) {
            throw new IllegalStateException("the credentials AWS returned " + (role.expiration().isAfter(now)
                    ? "expire within a minute" : "have already expired") + " (expiration " + role.expiration()
                    + ", this machine's clock says " + now.truncatedTo(ChronoUnit.SECONDS) + "); refused. Check this "
                    + "machine's clock (NTP) and that the endpoint is the real STS or IAM Roles Anywhere");
        }
        return role;
    }

    private AssumedRole obtain(CredentialSource source, RoleSessionRequest request) {
        Objects.requireNonNull(request, "request");
        if (source instanceof CredentialSource.DefaultChain defaultChain) {
            return assumeRole(defaultChain.provider(), request);
        }
        if (source instanceof CredentialSource.StaticKeys keys) {
            return assumeRole(keys.provider(), request);
        }
        if (source instanceof CredentialSource.WebIdentity webIdentity) {
            return assumeWithWebIdentity(webIdentity, request);
        }
        if (source instanceof CredentialSource.RolesAnywhere certificate) {
            return createRolesAnywhereSession(certificate, request);
        }
        if (source instanceof CredentialSource.Chained chained) {
            return assumeChained(chained, request);
        }
        throw new IllegalArgumentException("unknown credential source " + source);
    }

    private AssumedRole assumeChained(CredentialSource.Chained chained, RoleSessionRequest request) {
        if (request.duration().compareTo(RoleSessionRequest.CHAINED_MAX_DURATION) > 0) {
            throw new InvalidRoleRequestException("durationSeconds", request.duration().toSeconds()
                    + "s requested, but STS caps role chaining (credentials of one role assuming another) at 3600s");
        }
        AssumedRole intermediate = assume(chained.source(), chained.intermediate());
        return assumeRole(StaticCredentialsProvider.create(intermediate.credentials()), request);
    }

    private AssumedRole assumeRole(AwsCredentialsProvider credentials, RoleSessionRequest request) {
        try (StsClient sts = clients.sts(credentials)) {
            try {
                return fromAssumeRole(sts.assumeRole(assumeRoleRequest(request)));
            } catch (SdkException e) {
                List<SessionTag> optional = request.optionalTags();
                if (!PACKED_POLICY_TOO_LARGE.equals(AwsFailure.errorCode(e)) || optional.isEmpty()) {
                    throw new AwsCallException(AwsFailure.of("STS", "AssumeRole", e));
                }
            }
            // Once, and only without the tags we added ourselves; the user's own tags and policies stay.
            RoleSessionRequest smaller = request.withoutOptionalTags();
            try {
                return fromAssumeRole(sts.assumeRole(assumeRoleRequest(smaller)))
                        .withDroppedTags(request.optionalTags(), "STS answered PackedPolicyTooLarge with them");
            } catch (SdkException e) {
                throw new AwsCallException(AwsFailure.of("STS", "AssumeRole", e));
            }
        }
    }

    private AssumedRole assumeWithWebIdentity(CredentialSource.WebIdentity source, RoleSessionRequest request) {
        refuseUnsupported(request, "AssumeRoleWithWebIdentity", true);
        AssumeRoleWithWebIdentityRequest.Builder call = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(request.roleArn().toString())
                .roleSessionName(request.roleSessionName())
                .durationSeconds((int) request.duration().toSeconds())
                .webIdentityToken(source.token());
        request.policy().ifPresent(call::policy);
        if (!request.policyArns().isEmpty()) {
            call.policyArns(policyDescriptors(request));
        }
        // The call is authenticated by the token alone; no AWS credentials are needed on the Jenkins host.
        try (StsClient sts = clients.sts(AnonymousCredentialsProvider.create())) {
            AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(call.build());
            return fromCredentials(response.credentials(), response.assumedRoleUser() == null ? null
                    : response.assumedRoleUser().arn(), response.packedPolicySize())
                    .withDroppedTags(request.optionalTags(),
                            "AssumeRoleWithWebIdentity takes session tags from the token's claims only");
        } catch (SdkException e) {
            throw new AwsCallException(AwsFailure.of("STS", "AssumeRoleWithWebIdentity", e));
        }
    }

    private AssumedRole createRolesAnywhereSession(CredentialSource.RolesAnywhere source, RoleSessionRequest request) {
        refuseUnsupported(request, "IAM Roles Anywhere CreateSession", false);
        return rolesAnywhere.createSession(source, request)
                .withDroppedTags(request.optionalTags(), "IAM Roles Anywhere sets session tags from the certificate");
    }

    /** Fields an API does not take are refused when the user set them, and build-context tags are left out. */
    private static void refuseUnsupported(RoleSessionRequest request, String api, boolean acceptsPolicies) {
        if (request.externalId().isPresent()) {
            throw new InvalidRoleRequestException("externalId", api + " does not take an external ID");
        }
        if (request.sourceIdentity().isPresent()) {
            throw new InvalidRoleRequestException("sourceIdentity", api + " takes the source identity from the "
                    + "token or certificate, not from the request");
        }
        if (request.tags().stream().anyMatch(tag -> !tag.optional())) {
            throw new InvalidRoleRequestException("tags", api + " does not take session tags; they come from the token or certificate");
        }
        if (!acceptsPolicies && (request.policy().isPresent() || !request.policyArns().isEmpty())) {
            throw new InvalidRoleRequestException(request.policy().isPresent() ? "policy" : "policyArns",
                    api + " does not take session policies; set them on the Roles Anywhere profile");
        }
    }

    static AssumeRoleRequest assumeRoleRequest(RoleSessionRequest request) {
        AssumeRoleRequest.Builder call = AssumeRoleRequest.builder()
                .roleArn(request.roleArn().toString())
                .roleSessionName(request.roleSessionName())
                .durationSeconds((int) request.duration().toSeconds());
        request.externalId().ifPresent(call::externalId);
        request.sourceIdentity().ifPresent(call::sourceIdentity);
        request.policy().ifPresent(call::policy);
        if (!request.tags().isEmpty()) {
            call.tags(request.tags().stream().map(tag -> Tag.builder().key(tag.key()).value(tag.value()).build()).toList());
        }
        if (!request.transitiveTagKeys().isEmpty()) {
            call.transitiveTagKeys(request.transitiveTagKeys());
        }
        if (!request.policyArns().isEmpty()) {
            call.policyArns(policyDescriptors(request));
        }
        return call.build();
    }

    private static List<PolicyDescriptorType> policyDescriptors(RoleSessionRequest request) {
        return request.policyArns().stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build()).toList();
    }

    private static AssumedRole fromAssumeRole(AssumeRoleResponse response) {
        return fromCredentials(response.credentials(),
                response.assumedRoleUser() == null ? null : response.assumedRoleUser().arn(), response.packedPolicySize());
    }

    private static AssumedRole fromCredentials(Credentials credentials, String assumedRoleArn, Integer packedPolicySize) {
        if (credentials == null) {
            throw new IllegalStateException("the STS response carried no Credentials");
        }
        return new AssumedRole(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken(),
                credentials.expiration(), assumedRoleArn, packedPolicySize);
    }
}
