package io.jenkins.plugins.securepipeline.image.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

class EcrTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static EcrClient ecr(LocalAwsEndpoint endpoint) {
        return EcrClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.EU_WEST_1)
                .credentialsProvider(endpoint.credentialsProvider())
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @Test
    void registryHostsForEveryEndpointKind() {
        assertThat(EcrRegistryHost.of("111122223333", "eu-west-1", EcrRegistryHost.Variant.STANDARD).host())
                .isEqualTo("111122223333.dkr.ecr.eu-west-1.amazonaws.com");
        assertThat(EcrRegistryHost.of("111122223333", "us-gov-west-1", EcrRegistryHost.Variant.FIPS).host())
                .isEqualTo("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com");
        assertThat(EcrRegistryHost.of("111122223333", "eu-west-1", EcrRegistryHost.Variant.DUAL_STACK).host())
                .isEqualTo("111122223333.dkr-ecr.eu-west-1.on.aws");
        assertThat(EcrRegistryHost.of("111122223333", "cn-north-1", EcrRegistryHost.Variant.STANDARD).host())
                .isEqualTo("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn");
        assertThat(EcrRegistryHost.override("111122223333", "eu-west-1",
                URI.create("https://vpce-0abc-xyz.dkr.ecr.eu-west-1.vpce.amazonaws.com")).host())
                .isEqualTo("vpce-0abc-xyz.dkr.ecr.eu-west-1.vpce.amazonaws.com");
        assertThat(EcrRegistryHost.parse("111122223333.dkr.ecr-fips.us-east-1.amazonaws.com"))
                .isEqualTo(new EcrRegistryHost("111122223333", "us-east-1", "111122223333.dkr.ecr-fips.us-east-1.amazonaws.com"));
        assertThat(EcrRegistryHost.parse("111122223333.dkr-ecr.ap-southeast-2.on.aws").region()).isEqualTo("ap-southeast-2");
        assertThat(EcrRegistryHost.parse("registry.example.com")).isNull();
        assertThatThrownBy(() -> EcrRegistryHost.of("1234", "eu-west-1", EcrRegistryHost.Variant.STANDARD))
                .hasMessageContaining("12 digits");
        assertThatThrownBy(() -> EcrRegistryHost.override("111122223333", "eu-west-1", URI.create("http://x")))
                .hasMessageContaining("https");
    }

    @Test
    void authorizationTokenIsDecodedAndCachedUntilShortlyBeforeExpiry() throws Exception {
        MovableClock clock = new MovableClock();
        AtomicInteger calls = new AtomicInteger();
        String secret = "ecr-password-" + System.nanoTime();
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("ecr", "eu-west-1")) {
            endpoint.handler(request -> {
                assertThat(request.operation()).isEqualTo("GetAuthorizationToken");
                calls.incrementAndGet();
                String token = Base64.getEncoder().encodeToString(("AWS:" + secret + calls.get()).getBytes(StandardCharsets.UTF_8));
                long expires = clock.instant().plus(Duration.ofHours(12)).getEpochSecond();
                return AwsResponse.json("{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":"
                        + expires + ",\"proxyEndpoint\":\"https://111122223333.dkr.ecr.eu-west-1.amazonaws.com\"}]}");
            });
            try (EcrClient ecr = ecr(endpoint)) {
                EcrAuthorization authorization = new EcrAuthorization(ecr, clock);
                RegistryCredentials first = authorization.credentials();
                assertThat(first.username()).isEqualTo("AWS");
                assertThat(first.toString()).doesNotContain(secret);
                assertThat(authorization.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
                clock.now = NOW.plus(Duration.ofHours(11));
                assertThat(authorization.credentials()).isSameAs(first);
                assertThat(calls.get()).isEqualTo(1);
                clock.now = NOW.plus(Duration.ofHours(11)).plus(Duration.ofMinutes(31));
                assertThat(authorization.credentials()).isNotSameAs(first);
                assertThat(calls.get()).isEqualTo(2);
            }
        }
    }

    @Test
    void malformedTokensAndRefusalsAreClearErrorsWithoutTheToken() throws Exception {
        assertThatThrownBy(() -> EcrAuthorization.decode(Base64.getEncoder().encodeToString("no-colon-secret".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not user:password").hasMessageNotContaining("no-colon-secret");
        assertThatThrownBy(() -> EcrAuthorization.decode("%%%")).hasMessageContaining("not base64");
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("ecr", "eu-west-1")) {
            endpoint.handler(request -> AwsResponse.jsonError(400, "AccessDeniedException", "not authorized to perform ecr:GetAuthorizationToken"));
            try (EcrClient ecr = ecr(endpoint)) {
                assertThatThrownBy(() -> new EcrAuthorization(ecr, Clock.systemUTC()).credentials())
                        .isInstanceOf(EcrException.class)
                        .hasMessageContaining("GetAuthorizationToken failed: AccessDeniedException");
            }
        }
    }

    @Test
    void aMissingRepositoryIsNamedPlainly() throws Exception {
        EcrRegistryHost registry = EcrRegistryHost.of("111122223333", "eu-west-1", EcrRegistryHost.Variant.STANDARD);
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("ecr", "eu-west-1")) {
            endpoint.handler(request -> {
                String body = request.bodyText();
                if (body.contains("\"team/app\"")) {
                    assertThat(body).contains("\"registryId\":\"111122223333\"");
                    return AwsResponse.json("{\"repositories\":[{\"repositoryName\":\"team/app\",\"repositoryUri\":\""
                            + registry.host() + "/team/app\",\"imageTagMutability\":\"IMMUTABLE_WITH_EXCLUSION\","
                            + "\"imageTagMutabilityExclusionFilters\":[{\"filterType\":\"WILDCARD\",\"filter\":\"sha256-*\"}]}]}");
                }
                if (body.contains("\"locked/app\"")) {
                    return AwsResponse.json("{\"repositories\":[{\"repositoryName\":\"locked/app\",\"imageTagMutability\":\"IMMUTABLE\"}]}");
                }
                return AwsResponse.jsonError(400, "RepositoryNotFoundException", "The repository does not exist");
            });
            try (EcrClient ecr = ecr(endpoint)) {
                EcrRepositoryCheck check = new EcrRepositoryCheck(ecr);
                EcrRepositoryCheck.RepositoryInfo info = check.requireExists(registry, "team/app");
                assertThat(info.tagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION);
                assertThat(info.blocksSignatureTags()).isFalse();
                assertThat(check.requireExists(registry, "locked/app").blocksSignatureTags()).isTrue();
                assertThatThrownBy(() -> check.requireExists(registry, "missing/app"))
                        .isInstanceOf(EcrException.class)
                        .hasMessageContaining("ECR repository 'missing/app' does not exist in account 111122223333 (eu-west-1)")
                        .hasMessageContaining("aws ecr create-repository --repository-name missing/app");
            }
        }
    }

    @Test
    void immutableTagConflictsAreExplainedIncludingTheSignatureTag() {
        RegistryException ecrAnswer = new RegistryException("push manifest: PUT /v2/app/manifests/x failed with HTTP 400: "
                + "TAG_INVALID: The image tag 'x' already exists in the 'app' repository and cannot be overwritten because "
                + "the repository is immutable.", 400, List.of("TAG_INVALID"));
        RegistryException plain = ImmutableTagConflict.explain(ecrAnswer, "app", "v1");
        assertThat(plain.getMessage()).contains("tag 'v1' already exists").contains("Push under a new tag");
        RegistryException sig = ImmutableTagConflict.explain(ecrAnswer, "app", "sha256-" + "a".repeat(64) + ".sig");
        assertThat(sig.getMessage()).contains("cosign's signature tag")
                .contains("IMMUTABLE_WITH_EXCLUSION").contains("filterType=WILDCARD,filter='sha256-*'");
        RegistryException other = new RegistryException("x", 400, List.of("MANIFEST_BLOB_UNKNOWN"));
        assertThat(ImmutableTagConflict.explain(other, "app", "v1")).isSameAs(other);
        assertThat(EcrRepositoryCheck.matchesWildcard("sha256-*", "sha256-abc.sig")).isTrue();
        assertThat(EcrRepositoryCheck.matchesWildcard("release-*", "sha256-abc.sig")).isFalse();
    }
}
