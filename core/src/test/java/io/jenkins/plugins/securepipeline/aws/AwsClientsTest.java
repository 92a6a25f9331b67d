package io.jenkins.plugins.securepipeline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The shared client settings reach the real SDK clients: endpoint, region, proxy, timeouts, retries. */
class AwsClientsTest {
    private static final String CALLER = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/t</Arn><UserId>AID</UserId>"
            + "<Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void ssmKmsAndEcrClientsUseTheirOwnOverrideAndSignForTheRegion() {
        try (LocalAwsEndpoint ssm = LocalAwsEndpoint.start("ssm", "eu-central-1");
                LocalAwsEndpoint kms = LocalAwsEndpoint.start("kms", "eu-central-1");
                LocalAwsEndpoint ecr = LocalAwsEndpoint.start("ecr", "eu-central-1")) {
            ssm.handler(r -> AwsResponse.json("{\"State\":\"OPEN\"}"));
            kms.handler(r -> AwsResponse.json("{\"KeyId\":\"k\",\"PublicKey\":\"AAAA\"}"));
            ecr.handler(r -> AwsResponse.json("{\"authorizationData\":[]}"));
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-central-1")
                    .endpointOverride("ssm", ssm.uri()).endpointOverride("kms", kms.uri()).endpointOverride("ecr", ecr.uri()).build());
            try (SsmClient ssmClient = clients.ssm(ssm.credentialsProvider());
                    KmsClient kmsClient = clients.kms(kms.credentialsProvider());
                    EcrClient ecrClient = clients.ecr(ecr.credentialsProvider())) {
                assertThat(ssmClient.getCalendarState(b -> b.calendarNames("c")).stateAsString()).isEqualTo("OPEN");
                assertThat(kmsClient.getPublicKey(b -> b.keyId("k")).keyId()).isEqualTo("k");
                assertThat(ecrClient.getAuthorizationToken().authorizationData()).isEmpty();
            }
            assertThat(ssm.requests()).hasSize(1);
            assertThat(kms.requests()).hasSize(1);
            assertThat(ecr.requests()).hasSize(1);
        }
    }

    @Test
    void requestsGoThroughTheProxy() throws IOException {
        try (LocalAwsEndpoint proxyThatAnswers = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            proxyThatAnswers.handler(r -> AwsResponse.xml(CALLER));
            // Nothing listens on the target port: the call can only succeed through the proxy.
            URI unreachableTarget = URI.create("http://localhost:" + unusedPort());
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", unreachableTarget)
                    .proxy(new ProxySettings(proxyThatAnswers.uri(), List.of())).build());
            try (StsClient sts = clients.sts(proxyThatAnswers.credentialsProvider())) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo("111122223333");
            }
            assertThat(proxyThatAnswers.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("host")).isEqualTo(unreachableTarget.getAuthority()));
        }
    }

    @Test
    void noProxyHostsGoDirect() throws IOException {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> AwsResponse.xml(CALLER));
            URI deadProxy = URI.create("http://127.0.0.1:" + unusedPort());
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .proxy(new ProxySettings(deadProxy, List.of("127.0.0.1"))).maxAttempts(1).build());
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThat(client.getCallerIdentity().account()).isEqualTo("111122223333");
            }
        }
    }

    @Test
    void readTimeoutEndsAHangingCall() {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return AwsResponse.xml(CALLER);
            });
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .readTimeout(Duration.ofMillis(300)).maxAttempts(1).build());
            long start = System.nanoTime();
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThatThrownBy(client::getCallerIdentity).isInstanceOf(SdkException.class)
                        .satisfies(e -> assertThat(AwsFailure.of("STS", "GetCallerIdentity", e).describe())
                                .contains("STS did not answer in time").contains("time allowed"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        }
    }

    @Test
    void accessDeniedIsNeverRetried() {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> AwsResponse.queryError(403, "AccessDenied", "no"));
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .maxAttempts(10).backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build());
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThatThrownBy(client::getCallerIdentity).isInstanceOf(SdkException.class);
            }
            assertThat(sts.requests()).hasSize(1);
        }
    }

    @Test
    void idpCommunicationErrorIsRetried() {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> sts.requests().size() == 1
                    ? AwsResponse.queryError(400, "IDPCommunicationError", "could not reach issuer")
                    : AwsResponse.xml(CALLER));
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build());
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThat(client.getCallerIdentity().account()).isEqualTo("111122223333");
            }
            assertThat(sts.requests()).hasSize(2);
        }
    }

    @Test
    void anAnswerThatIsNotXmlIsNotCalledUnreachable() {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> AwsResponse.xml("<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1"));
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .maxAttempts(1).build());
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThatThrownBy(client::getCallerIdentity).isInstanceOf(SdkException.class)
                        .satisfies(e -> assertThat(AwsFailure.of("STS", "GetCallerIdentity", e).describe())
                                .startsWith("STS GetCallerIdentity failed: STS answered, but the answer is not a STS response")
                                .doesNotContain("could not reach"));
            }
        }
    }

    @Test
    void theCallTimeoutBoundsAServerThatAnswersSlowly() {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(r -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return AwsResponse.xml(CALLER);
            });
            // The read timeout alone would allow 10s per attempt and 3 attempts.
            AwsClients clients = new AwsClients(AwsClientSettings.builder("eu-west-1").endpointOverride("sts", sts.uri())
                    .readTimeout(Duration.ofSeconds(10)).maxAttempts(3).callTimeout(Duration.ofMillis(500)).build());
            long start = System.nanoTime();
            try (StsClient client = clients.sts(sts.credentialsProvider())) {
                assertThatThrownBy(client::getCallerIdentity).isInstanceOf(SdkException.class)
                        .satisfies(e -> assertThat(AwsFailure.of("STS", "GetCallerIdentity", e).describe())
                                .startsWith("STS GetCallerIdentity failed: STS did not answer in time"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        }
    }
}
