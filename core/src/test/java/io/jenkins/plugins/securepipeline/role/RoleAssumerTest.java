package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK STS client against a local endpoint that verifies SigV4 and speaks the STS query protocol. */
class RoleAssumerTest {
    private static final String REGION = "eu-west-1";
    private static final RoleArn TARGET = RoleArn.parse("arn:aws:iam::222233334444:role/deploy");
    private static final RoleArn INTERMEDIATE = RoleArn.parse("arn:aws:iam::111122223333:role/jenkins-hub");

    private final LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", REGION);
    private final CredentialSource.StaticKeys endpointKeys =
            new CredentialSource.StaticKeys(LocalAwsEndpoint.ACCESS_KEY_ID, LocalAwsEndpoint.SECRET_ACCESS_KEY, null);

    @AfterEach
    void stop() {
        sts.close();
    }

    private RoleAssumer assumer() {
        return new RoleAssumer(new AwsClients(AwsClientSettings.builder(REGION).endpointOverride("sts", sts.uri())
                .backoff(Duration.ofMillis(5), Duration.ofMillis(40)).build()));
    }

    private static RoleSessionRequest.Builder request() {
        return RoleSessionRequest.builder(TARGET).roleSessionName("Jenkins-app-7");
    }

    /** Answers AssumeRole with fresh keys that the endpoint then trusts (so they can sign the next hop). */
    private AwsResponse issue(AwsRequest request) {
        StsAnswers.IssuedKeys keys = StsAnswers.IssuedKeys.next();
        sts.trust(keys.accessKeyId(), keys.secretAccessKey());
        return StsAnswers.assumeRole(request, keys, Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void sendsEveryRequestFieldAndReturnsTheSession() {
        sts.handler(this::issue);
        RoleSessionRequest request = request().externalId("ext-123").sourceIdentity("alice").duration(Duration.ofMinutes(30))
                .tag(SessionTag.required("Team", "payments")).tag(SessionTag.optional("Branch", "feature/x"))
                .transitiveTagKey("Team")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}")
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess").build();

        AssumedRole role = assumer().assume(endpointKeys, request);

        Map<String, String> sent = sts.requests().get(0).formParameters();
        assertThat(sent).containsEntry("Action", "AssumeRole").containsEntry("RoleArn", TARGET.toString())
                .containsEntry("RoleSessionName", "Jenkins-app-7").containsEntry("DurationSeconds", "1800")
                .containsEntry("ExternalId", "ext-123").containsEntry("SourceIdentity", "alice")
                .containsEntry("Tags.member.1.Key", "Team").containsEntry("Tags.member.1.Value", "payments")
                .containsEntry("Tags.member.2.Key", "Branch").containsEntry("Tags.member.2.Value", "feature/x")
                .containsEntry("TransitiveTagKeys.member.1", "Team")
                .containsEntry("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess")
                .containsKey("Policy");
        assertThat(sts.requests().get(0).accessKeyId()).isEqualTo(LocalAwsEndpoint.ACCESS_KEY_ID);
        assertThat(role.assumedRoleArn()).isEqualTo("arn:aws:sts::222233334444:assumed-role/deploy/Jenkins-app-7");
        assertThat(role.accessKeyId()).startsWith("ASIATESTKEY");
        assertThat(role.packedPolicySize()).isEqualTo(7);
        assertThat(role.droppedTags()).isEmpty();
        assertThat(role.toString()).doesNotContain(role.credentials().secretAccessKey()).doesNotContain(role.credentials().sessionToken());
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        sts.handler(request -> calls.incrementAndGet() <= 2
                ? AwsResponse.queryError(400, "Throttling", "Rate exceeded")
                : issue(request));

        AssumedRole role = assumer().assume(endpointKeys, request().build());

        assertThat(role.accessKeyId()).startsWith("ASIATESTKEY");
        assertThat(sts.requests()).hasSize(3);
    }

    @Test
    void transientServerErrorsAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        sts.handler(request -> calls.incrementAndGet() == 1
                ? AwsResponse.queryError(503, "ServiceUnavailable", "try again")
                : issue(request));
        assertThat(assumer().assume(endpointKeys, request().build())).isNotNull();
        assertThat(sts.requests()).hasSize(2);
    }

    @Test
    void throttlingGivesUpAfterTheAttemptBudgetAndSaysSo() {
        sts.handler(request -> AwsResponse.queryError(400, "Throttling", "Rate exceeded"));
        RoleAssumer assumer = new RoleAssumer(new AwsClients(AwsClientSettings.builder(REGION)
                .endpointOverride("sts", sts.uri()).maxAttempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()));
        assertThatThrownBy(() -> assumer.assume(endpointKeys, request().build()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.failure().errorCode()).isEqualTo("Throttling"))
                .hasMessageContaining("throttled");
        assertThat(sts.requests()).hasSize(3);
    }

    @Test
    void accessDeniedIsNotRetriedAndPointsAtTheTrustPolicy() {
        sts.handler(request -> AwsResponse.queryError(403, "AccessDenied", "User: arn:aws:iam::111122223333:user/jenkins "
                + "is not authorized to perform: sts:AssumeRole on resource: " + TARGET));

        assertThatThrownBy(() -> assumer().assume(endpointKeys, request().externalId("ext-123").build()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.failure().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.failure().refusedByService()).isTrue();
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContaining("STS AssumeRole failed (AccessDenied, HTTP 403)")
                .hasMessageContaining("trust policy").hasMessageContaining("sts:TagSession")
                .hasMessageContaining("is not authorized to perform: sts:AssumeRole")
                .hasMessageNotContaining(LocalAwsEndpoint.SECRET_ACCESS_KEY);
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void expiredSourceTokenIsExplainedAndNotRetried() {
        sts.handler(request -> AwsResponse.queryError(400, "ExpiredToken", "The security token included in the request is expired"));
        assertThatThrownBy(() -> assumer().assume(endpointKeys, request().build()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.failure().errorCode()).isEqualTo("ExpiredToken"))
                .hasMessageContaining("have expired").hasMessageContaining("clock");
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void regionNotActivatedIsExplained() {
        sts.handler(request -> AwsResponse.queryError(403, "RegionDisabledException", "STS is not activated in this region"));
        assertThatThrownBy(() -> assumer().assume(endpointKeys, request().build()))
                .hasMessageContaining("STS is not activated in this region for the account")
                .hasMessageContaining("Security Token Service");
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void durationAboveMaxSessionDurationIsExplained() {
        sts.handler(request -> AwsResponse.queryError(400, "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
        assertThatThrownBy(() -> assumer().assume(endpointKeys, request().duration(Duration.ofHours(12)).build()))
                .hasMessageContaining("MaxSessionDuration");
    }

    @Test
    void packedPolicyTooLargeDropsOptionalTagsAndRetriesOnce() {
        sts.handler(request -> request.formParameters().containsKey("Tags.member.2.Key")
                ? AwsResponse.queryError(400, "PackedPolicyTooLarge", "Packed size of session policies and tags exceeds the limit (107%)")
                : issue(request));
        RoleSessionRequest request = request().tag(SessionTag.required("Team", "payments")).transitiveTagKey("Team")
                .tags(new BuildContext("team/app", 7, "alice", "main").sessionTags()).transitiveTagKey("JenkinsJob").build();

        AssumedRole role = assumer().assume(endpointKeys, request);

        assertThat(sts.requests()).hasSize(2);
        Map<String, String> retried = sts.requests().get(1).formParameters();
        assertThat(retried).containsEntry("Tags.member.1.Key", "Team").doesNotContainKey("Tags.member.2.Key")
                .containsEntry("TransitiveTagKeys.member.1", "Team").doesNotContainKey("TransitiveTagKeys.member.2");
        assertThat(role.droppedTags()).extracting(SessionTag::key)
                .containsExactly("JenkinsJob", "JenkinsBuild", "JenkinsUser", "Branch");
        assertThat(role.notices()).singleElement().asString()
                .contains("[JenkinsJob, JenkinsBuild, JenkinsUser, Branch]").contains("PackedPolicyTooLarge");
    }

    @Test
    void packedPolicyTooLargeWithOnlyRequiredTagsFailsWithoutRetry() {
        sts.handler(request -> AwsResponse.queryError(400, "PackedPolicyTooLarge", "too large"));
        assertThatThrownBy(() -> assumer().assume(endpointKeys, request().tag(SessionTag.required("Team", "payments")).build()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.failure().errorCode()).isEqualTo("PackedPolicyTooLarge"))
                .hasMessageContaining("fewer or shorter session tags");
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void packedPolicyTooLargeTwiceFailsAfterExactlyOneRetry() {
        sts.handler(request -> AwsResponse.queryError(400, "PackedPolicyTooLarge", "too large"));
        RoleSessionRequest request = request().tags(new BuildContext("a", 1, null, null).sessionTags()).build();
        assertThatThrownBy(() -> assumer().assume(endpointKeys, request)).isInstanceOf(AwsCallException.class);
        assertThat(sts.requests()).hasSize(2);
    }

    @Test
    void chainingSignsTheSecondHopWithTheIntermediateSession() {
        sts.handler(this::issue);
        RoleSessionRequest first = RoleSessionRequest.builder(INTERMEDIATE).roleSessionName("Jenkins-hub").build();

        AssumedRole role = assumer().assume(new CredentialSource.Chained(endpointKeys, first), request().build());

        assertThat(sts.requests()).hasSize(2);
        assertThat(sts.requests().get(0).formParameters()).containsEntry("RoleArn", INTERMEDIATE.toString());
        assertThat(sts.requests().get(1).formParameters()).containsEntry("RoleArn", TARGET.toString());
        assertThat(sts.requests().get(1).accessKeyId()).startsWith("ASIATESTKEY").isNotEqualTo(role.accessKeyId());
        assertThat(sts.rejected()).isEmpty();
    }

    @Test
    void chainingCapOfOneHourIsEnforcedBeforeAnyCall() {
        sts.handler(this::issue);
        RoleSessionRequest first = RoleSessionRequest.builder(INTERMEDIATE).roleSessionName("Jenkins-hub").build();
        RoleSessionRequest twoHours = request().duration(Duration.ofHours(2)).build();

        assertThatThrownBy(() -> assumer().assume(new CredentialSource.Chained(endpointKeys, first), twoHours))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("durationSeconds"))
                .hasMessageContaining("caps role chaining").hasMessageContaining("3600s");
        assertThat(sts.requests()).isEmpty();
        assertThat(assumer().assume(new CredentialSource.Chained(endpointKeys, first),
                request().duration(Duration.ofHours(1)).build())).isNotNull();
    }

    @Test
    void webIdentityTokenFromFileIsExchangedUnsigned(@TempDir Path dir) throws Exception {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqb2IiLCJhdWQiOiJzdHMuYW1hem9uYXdzLmNvbSJ9.c2lnbmF0dXJl";
        Path file = dir.resolve("token");
        Files.writeString(file, token + "\n");
        sts.handler(this::issue);

        AssumedRole role = assumer().assume(CredentialSource.WebIdentity.fromFile(file),
                request().tags(new BuildContext("app", 3, null, null).sessionTags()).build());

        AwsRequest sent = sts.requests().get(0);
        assertThat(sent.operation()).isEqualTo("AssumeRoleWithWebIdentity");
        assertThat(sent.header("authorization")).isNull();
        assertThat(sent.formParameters()).containsEntry("WebIdentityToken", token).containsEntry("RoleArn", TARGET.toString())
                .doesNotContainKey("Tags.member.1.Key");
        assertThat(role.notices()).singleElement().asString().contains("token's claims");
    }

    @Test
    void rejectedWebIdentityTokenIsExplainedWithoutEchoingTheToken() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtam9iIn0.c2lnbmF0dXJlLXNlY3JldA";
        sts.handler(request -> AwsResponse.queryError(400, "InvalidIdentityToken",
                "Couldn't retrieve verification key from your identity provider for token " + token));
        assertThatThrownBy(() -> assumer().assume(CredentialSource.WebIdentity.fromToken(token), request().build()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.failure().errorCode()).isEqualTo("InvalidIdentityToken"))
                .hasMessageContaining("IAM OIDC identity provider").hasMessageNotContaining(token)
                .hasMessageNotContaining("eyJzdWIi");
    }

    @Test
    void rejectedClaimPointsAtAudienceAndSubject() {
        sts.handler(request -> AwsResponse.queryError(403, "IDPRejectedClaim", "Incorrect token audience"));
        assertThatThrownBy(() -> assumer().assume(CredentialSource.WebIdentity.fromToken("eyJ.x.y"), request().build()))
                .hasMessageContaining(":aud").hasMessageContaining(":sub");
    }

    @Test
    void webIdentityRefusesFieldsTheApiDoesNotTake() {
        CredentialSource source = CredentialSource.WebIdentity.fromToken("token-value");
        assertThatThrownBy(() -> assumer().assume(source, request().externalId("ext-1").build()))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("externalId"));
        assertThatThrownBy(() -> assumer().assume(source, request().tag(SessionTag.required("Team", "x")).build()))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(sts.requests()).isEmpty();
    }

    @Test
    void unreadableTokenFileNamesTheField(@TempDir Path dir) {
        assertThatThrownBy(() -> assumer().assume(CredentialSource.WebIdentity.fromFile(dir.resolve("missing")), request().build()))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("webIdentityTokenFile"));
    }

    @Test
    void renewsBeforeExpiryOfAShortSession() {
        MutableClock clock = new MutableClock(Instant.now());
        sts.handler(request -> {
            StsAnswers.IssuedKeys keys = StsAnswers.IssuedKeys.next();
            // Short sessions: 120 seconds from the test clock's "now" (credentials expiring within a minute are refused).
            return StsAnswers.assumeRole(request, keys, clock.instant().plusSeconds(120));
        });
        RenewingCredentialsProvider provider = RenewingCredentialsProvider.of(assumer(), endpointKeys, request().build(), clock);

        String first = provider.resolveCredentials().accessKeyId();
        clock.advance(Duration.ofSeconds(40));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(first);
        assertThat(sts.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(21)); // 61s: past half of a 120s session, still 59s before expiry
        String second = provider.resolveCredentials().accessKeyId();
        assertThat(second).isNotEqualTo(first);
        assertThat(sts.requests()).hasSize(2);
        assertThat(provider.renewals()).isEqualTo(1);
        assertThat(provider.toString()).doesNotContain(provider.currentSession().credentials().secretAccessKey());
    }

    @Test
    void renewsFiveMinutesBeforeExpiryOfAnHourSession() {
        MutableClock clock = new MutableClock(Instant.now());
        sts.handler(request -> StsAnswers.assumeRole(request, StsAnswers.IssuedKeys.next(), clock.instant().plus(Duration.ofHours(1))));
        RenewingCredentialsProvider provider = RenewingCredentialsProvider.of(assumer(), endpointKeys, request().build(), clock);
        provider.resolveCredentials();
        clock.advance(Duration.ofMinutes(54));
        provider.resolveCredentials();
        assertThat(sts.requests()).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        provider.resolveCredentials();
        assertThat(sts.requests()).hasSize(2);
    }

    @Test
    void failedRenewalKeepsAValidSessionButNotAnExpiredOne() {
        MutableClock clock = new MutableClock(Instant.now());
        AtomicInteger calls = new AtomicInteger();
        sts.handler(request -> calls.incrementAndGet() == 1
                ? StsAnswers.assumeRole(request, StsAnswers.IssuedKeys.next(), clock.instant().plusSeconds(120))
                : AwsResponse.queryError(403, "AccessDenied", "revoked"));
        RenewingCredentialsProvider provider = RenewingCredentialsProvider.of(assumer(), endpointKeys, request().build(), clock);
        String first = provider.resolveCredentials().accessKeyId();
        clock.advance(Duration.ofSeconds(80));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(AwsCallException.class).hasMessageContaining("AccessDenied");
    }

    @Test
    void accountPolicyIsCheckedBeforeAnyCall() {
        sts.handler(this::issue);
        AccountPolicy policy = new AccountPolicy(java.util.List.of(new AccountPolicyRule("payments", "payments/**",
                java.util.Set.of("222233334444"), java.util.List.of(), Duration.ofHours(1), null)));

        assertThatThrownBy(() -> assumer().assume(policy, "billing/app", endpointKeys, request().build()))
                .isInstanceOfSatisfying(RoleDeniedException.class, e -> assertThat(e.decision().allowed()).isFalse())
                .hasMessageContaining("no account policy rule covers job 'billing/app'");
        assertThatThrownBy(() -> assumer().assume(policy, "payments/app", endpointKeys, request().duration(Duration.ofHours(2)).build()))
                .hasMessageContaining("above the rule's maximum");
        assertThatThrownBy(() -> assumer().assume(policy, "payments/app",
                new CredentialSource.Chained(endpointKeys, RoleSessionRequest.builder(INTERMEDIATE).roleSessionName("hub").build()),
                request().build()))
                .hasMessageContaining("account 111122223333 is not in [222233334444]");
        assertThat(sts.requests()).isEmpty();

        assertThat(assumer().assume(policy, "payments/app", endpointKeys, request().build())).isNotNull();
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void defaultChainFindsCredentialsTheSdkWay() {
        sts.handler(this::issue);
        // The first link of the SDK default chain; restored afterwards so no other test sees it.
        String oldKey = System.getProperty("aws.accessKeyId");
        String oldSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", LocalAwsEndpoint.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAwsEndpoint.SECRET_ACCESS_KEY);
        try {
            assertThat(assumer().assume(new CredentialSource.DefaultChain(), request().build())).isNotNull();
        } finally {
            restore("aws.accessKeyId", oldKey);
            restore("aws.secretAccessKey", oldSecret);
        }
        assertThat(sts.requests()).singleElement()
                .satisfies(r -> assertThat(r.accessKeyId()).isEqualTo(LocalAwsEndpoint.ACCESS_KEY_ID));
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void credentialsThatHaveExpiredOrExpireWithinAMinuteAreRefused() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        RoleAssumer assumer = new RoleAssumer(new AwsClients(AwsClientSettings.builder(REGION).endpointOverride("sts", sts.uri())
                .build()), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        sts.handler(request -> StsAnswers.assumeRole(request, StsAnswers.IssuedKeys.next(), now.minusSeconds(5)));
        assertThatThrownBy(() -> assumer.assume(endpointKeys, request().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the credentials AWS returned have already expired (expiration 2026-06-01T11:59:55Z, "
                        + "this machine's clock says 2026-06-01T12:00:00Z); refused")
                .hasMessageContaining("clock (NTP)");
        sts.handler(request -> StsAnswers.assumeRole(request, StsAnswers.IssuedKeys.next(), now.plusSeconds(59)));
        assertThatThrownBy(() -> assumer.assume(endpointKeys, request().build())).hasMessageContaining("expire within a minute");
        sts.handler(request -> StsAnswers.assumeRole(request, StsAnswers.IssuedKeys.next(), now.plusSeconds(61)));
        assertThat(assumer.assume(endpointKeys, request().build()).expiration()).isEqualTo(now.plusSeconds(61));
    }
}
