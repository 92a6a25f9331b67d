package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.role.endpoint.CredentialEndpoint;
import io.jenkins.plugins.securepipeline.role.endpoint.CredentialSupply;
import io.jenkins.plugins.securepipeline.role.endpoint.PushedCredentials;
import io.jenkins.plugins.securepipeline.role.endpoint.ServedCredentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The real SDK container credentials provider against the endpoint: it gets the session, signs calls with it that a
 * SigV4-checking STS accepts, follows renewals, and reports refusals; raw requests check what is refused.
 */
class CredentialEndpointTest {
    private static final String REGION = "eu-west-1";
    private static final String ROLE = "arn:aws:iam::111122223333:role/deployer";

    private final LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", REGION);
    private final List<StsAnswers.IssuedKeys> issued = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private CredentialEndpoint endpoint;

    CredentialEndpointTest() {
        sts.handler(request -> {
            StsAnswers.IssuedKeys keys = StsAnswers.IssuedKeys.next();
            issued.add(keys);
            sts.trust(keys.accessKeyId(), keys.secretAccessKey());
            // Short sessions: the SDK refreshes a minute before expiry, the renewing provider half-way through.
            return StsAnswers.assumeRole(request, keys, clock.instant().plus(Duration.ofSeconds(70)));
        });
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
        if (endpoint != null) {
            endpoint.close();
        }
        sts.close();
    }

    private AwsClients clients() {
        return new AwsClients(AwsClientSettings.builder(REGION).endpointOverride("sts", sts.uri()).build());
    }

    /** As the CLI serves: a renewing provider asked at each request. */
    private CredentialSupply renewingSupply() {
        RoleSessionRequest request = RoleSessionRequest.builder(RoleArn.parse(ROLE)).roleSessionName("Jenkins-p-1")
                .duration(RoleSessionRequest.MIN_DURATION).build();
        CredentialSource source = new CredentialSource.StaticKeys(LocalAwsEndpoint.ACCESS_KEY_ID,
                LocalAwsEndpoint.SECRET_ACCESS_KEY, null);
        RenewingCredentialsProvider renewing = RenewingCredentialsProvider.of(new RoleAssumer(clients()), source, request, clock);
        return () -> {
            AssumedRole role = renewing.currentSession();
            return new ServedCredentials(role.credentials().accessKeyId(), role.credentials().secretAccessKey(),
                    role.credentials().sessionToken(), role.expiration());
        };
    }

    private ContainerCredentialsProvider sdkProvider(String token) {
        System.setProperty("aws.containerCredentialsFullUri", endpoint.uri().toString());
        System.setProperty("aws.containerAuthorizationToken", token);
        return ContainerCredentialsProvider.builder().build();
    }

    @Test
    void theSdkGetsTheSessionSignsWithItAndFollowsRenewals() throws Exception {
        String token = CredentialEndpoint.newToken();
        endpoint = CredentialEndpoint.start(0, CredentialEndpoint.newPath(), token, renewingSupply());

        try (ContainerCredentialsProvider provider = sdkProvider(token)) {
            AwsCredentials first = provider.resolveCredentials();
            assertThat(first.accessKeyId()).isEqualTo(issued.get(0).accessKeyId());
            assertThat(((AwsSessionCredentials) first).sessionToken()).isEqualTo(issued.get(0).sessionToken());

            // A call signed with what the endpoint served, checked by the local STS (SigV4 with the issued key).
            try (StsClient client = clients().sts(provider)) {
                client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("chained"));
            }
            AwsRequest chained = sts.requests().get(1);
            assertThat(chained.accessKeyId()).isEqualTo(issued.get(0).accessKeyId());
            assertThat(sts.rejected()).isEmpty();

            // Past half the session: the next time the SDK asks (its copy is within a minute of expiry), it is renewed.
            clock.advance(Duration.ofSeconds(40));
            AwsCredentials renewed = provider.resolveCredentials();
            assertThat(renewed.accessKeyId()).isEqualTo(issued.get(2).accessKeyId()).isNotEqualTo(first.accessKeyId());
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheSdkSaysSo() throws Exception {
        endpoint = CredentialEndpoint.start(0, CredentialEndpoint.newPath(), CredentialEndpoint.newToken(), renewingSupply());

        // The SDK says "Failed to load credentials from metadata service", caused by the endpoint's reason.
        try (ContainerCredentialsProvider provider = sdkProvider(CredentialEndpoint.newToken())) {
            assertThatThrownBy(provider::resolveCredentials).rootCause().hasMessageContaining("authorization token is missing or wrong");
        }
        assertThat(issued).isEmpty();
    }

    @Test
    void withoutAValidSessionTheSdkGetsTheReason() throws Exception {
        PushedCredentials pushed = new PushedCredentials(Clock.systemUTC());
        String token = CredentialEndpoint.newToken();
        endpoint = CredentialEndpoint.start(0, CredentialEndpoint.newPath(), token, pushed);
        pushed.update(new ServedCredentials("ASIAEXPIRED", "secret", "token", Instant.now().minusSeconds(1)));
        pushed.renewalFailed("STS refused: AccessDenied");

        try (ContainerCredentialsProvider provider = sdkProvider(token)) {
            assertThatThrownBy(provider::resolveCredentials).rootCause().hasMessageContaining("could not be renewed: STS refused: AccessDenied");
        }
    }

    @Test
    void otherPathsMethodsHostsAndWebPagesAreRefused() throws Exception {
        String token = CredentialEndpoint.newToken();
        String path = CredentialEndpoint.newPath();
        endpoint = CredentialEndpoint.start(0, path, token, renewingSupply());
        String host = "127.0.0.1:" + endpoint.port();

        assertThat(status("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token)).isEqualTo(200);
        assertThat(status("GET /other HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token)).isEqualTo(404);
        assertThat(status("GET " + path + "?x=1 HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token)).isEqualTo(404);
        assertThat(status("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token + "\r\nContent-Length: 0"))
                .isEqualTo(405);
        // DNS rebinding: a page at attacker.example resolving to 127.0.0.1 sends its own host name.
        assertThat(status("GET " + path + " HTTP/1.1\r\nHost: attacker.example:" + endpoint.port() + "\r\nAuthorization: " + token))
                .isEqualTo(403);
        assertThat(status("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://attacker.example\r\nAuthorization: "
                + token)).isEqualTo(403);
        assertThat(status("GET " + path + " HTTP/1.1\r\nHost: " + host)).isEqualTo(401);
        assertThat(status("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token + "x")).isEqualTo(401);
        assertThat(issued).hasSize(1);
    }

    @Test
    void closedMeansGone() throws Exception {
        endpoint = CredentialEndpoint.start(0, CredentialEndpoint.newPath(), CredentialEndpoint.newToken(), renewingSupply());
        int port = endpoint.port();
        endpoint.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.net.ConnectException.class);
        endpoint = null;
    }

    @Test
    void weakPathsAndTokensAreRefused() {
        assertThatThrownBy(() -> CredentialEndpoint.start(0, "/a", CredentialEndpoint.newToken(), renewingSupply()))
                .hasMessageContaining("path");
        assertThatThrownBy(() -> CredentialEndpoint.start(0, CredentialEndpoint.newPath(), "short", renewingSupply()))
                .hasMessageContaining("token");
        assertThat(new ServedCredentials("A", "B", "C", Instant.EPOCH).toString()).doesNotContain("B").doesNotContain("C,");
    }

    private int status(String requestHead) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
