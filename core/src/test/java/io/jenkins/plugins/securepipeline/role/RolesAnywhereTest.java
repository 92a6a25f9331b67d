package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CreateSession against a local Roles Anywhere endpoint that verifies the X.509 signature like the service. */
class RolesAnywhereTest {
    private static final String REGION = "eu-west-1";
    private static final String TRUST_ANCHOR = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001";
    private static final String PROFILE = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002";
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/jenkins-agent");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAwsEndpoint endpoint = LocalAwsEndpoint.startWithVerifier(new RolesAnywhereVerifier(certificate("ca.pem"), REGION));

    @AfterEach
    void stop() {
        endpoint.close();
    }

    static Path resource(String name) {
        try {
            return Path.of(RolesAnywhereTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String name) {
        return PemFiles.readCertificates("certificate", resource(name)).get(0);
    }

    private RoleAssumer assumer(String region) {
        return new RoleAssumer(new AwsClients(AwsClientSettings.builder(region).endpointOverride("rolesanywhere", endpoint.uri())
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build()));
    }

    private static CredentialSource.RolesAnywhere source(String cert, String key, boolean sendName) {
        PrivateKey privateKey = PemFiles.readPrivateKey("privateKey", resource(key));
        return new CredentialSource.RolesAnywhere(certificate(cert), List.of(certificate("ca.pem")), privateKey,
                TRUST_ANCHOR, PROFILE, sendName);
    }

    static AwsResponse session(AwsRequest request) {
        try {
            JsonNode body = JSON.readTree(request.bodyText());
            StsAnswers.IssuedKeys keys = StsAnswers.IssuedKeys.next();
            String json = "{\"credentialSet\":[{\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::111122223333:assumed-role/jenkins-agent/"
                    + "0123456789abcdef\",\"assumedRoleId\":\"AROATEST:0123456789abcdef\"},\"credentials\":{\"accessKeyId\":\""
                    + keys.accessKeyId() + "\",\"secretAccessKey\":\"" + keys.secretAccessKey() + "\",\"sessionToken\":\""
                    + keys.sessionToken() + "\",\"expiration\":\"" + Instant.now().plusSeconds(body.get("durationSeconds").asLong())
                    + "\"},\"packedPolicySize\":3,\"roleArn\":\"" + body.get("roleArn").asText()
                    + "\",\"sourceIdentity\":\"CN=jenkins-agent\"}],\"subjectArn\":\"arn:aws:rolesanywhere:eu-west-1:111122223333:subject/x\"}";
            return AwsResponse.of(201, "application/json", json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "rsa-cert.pem, rsa-key-pkcs1.pem, AWS4-X509-RSA-SHA256",
        "rsa-cert.pem, rsa-key-pkcs8.pem, AWS4-X509-RSA-SHA256",
        "ec-cert.pem, ec-key-sec1.pem, AWS4-X509-ECDSA-SHA256",
        "ec-cert.pem, ec-key-pkcs8.pem, AWS4-X509-ECDSA-SHA256"})
    void createsASessionSignedWithTheCertificateKey(String cert, String key, String algorithm) throws Exception {
        endpoint.handler(RolesAnywhereTest::session);

        AssumedRole role = assumer(REGION).assume(source(cert, key, false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").duration(Duration.ofMinutes(20))
                        .tags(new BuildContext("app", 1, null, null).sessionTags()).build());

        assertThat(endpoint.rejected()).isEmpty();
        AwsRequest sent = endpoint.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/sessions");
        assertThat(sent.header("authorization")).startsWith(algorithm + " Credential=" + certificate(cert).getSerialNumber() + "/");
        assertThat(RolesAnywhereVerifier.chain(sent)).containsExactly(certificate("ca.pem"));
        JsonNode body = JSON.readTree(sent.bodyText());
        assertThat(body.get("roleArn").asText()).isEqualTo(ROLE.toString());
        assertThat(body.get("trustAnchorArn").asText()).isEqualTo(TRUST_ANCHOR);
        assertThat(body.get("profileArn").asText()).isEqualTo(PROFILE);
        assertThat(body.get("durationSeconds").asInt()).isEqualTo(1200);
        assertThat(body.has("roleSessionName")).isFalse();
        assertThat(role.accessKeyId()).startsWith("ASIATESTKEY");
        assertThat(role.assumedRoleArn()).contains("assumed-role/jenkins-agent");
        assertThat(role.expiration()).isAfter(Instant.now().plusSeconds(1100));
        assertThat(role.notices()).singleElement().asString().contains("from the certificate");
    }

    @Test
    void sendsTheSessionNameOnlyWhenTheProfileAcceptsIt() throws Exception {
        endpoint.handler(RolesAnywhereTest::session);
        assumer(REGION).assume(source("ec-cert.pem", "ec-key-pkcs8.pem", true),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build());
        assertThat(JSON.readTree(endpoint.requests().get(0).bodyText()).get("roleSessionName").asText()).isEqualTo("Jenkins-app-1");
    }

    @Test
    void aCertificateOutsideTheTrustAnchorIsRefusedAndExplained() {
        try (LocalAwsEndpoint otherAnchor = LocalAwsEndpoint.startWithVerifier(new RolesAnywhereVerifier(certificate("ec-cert.pem"), REGION))) {
            otherAnchor.handler(RolesAnywhereTest::session);
            RoleAssumer assumer = new RoleAssumer(new AwsClients(AwsClientSettings.builder(REGION)
                    .endpointOverride("rolesanywhere", otherAnchor.uri()).build()));
            assertThatThrownBy(() -> assumer.assume(source("rsa-cert.pem", "rsa-key-pkcs8.pem", false),
                    RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build()))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.failure().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.failure().statusCode()).isEqualTo(403);
                    })
                    .hasMessageContaining("IAM Roles Anywhere CreateSession failed (AccessDeniedException, HTTP 403)")
                    .hasMessageContaining("trust anchor").hasMessageContaining("rolesanywhere.amazonaws.com")
                    .hasMessageNotContaining("PRIVATE");
            assertThat(otherAnchor.requests()).isEmpty();
            assertThat(otherAnchor.rejected()).hasSize(1);
        }
    }

    @Test
    void aSignatureForAnotherRegionIsRefused() {
        endpoint.handler(RolesAnywhereTest::session);
        assertThatThrownBy(() -> assumer("us-east-1").assume(source("rsa-cert.pem", "rsa-key-pkcs8.pem", false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build()))
                .isInstanceOf(AwsCallException.class).hasMessageContaining("AccessDeniedException");
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void throttlingIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        endpoint.handler(request -> calls.incrementAndGet() == 1
                ? AwsResponse.jsonError(429, "ThrottlingException", "Rate exceeded") : session(request));
        assertThat(assumer(REGION).assume(source("ec-cert.pem", "ec-key-sec1.pem", false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build())).isNotNull();
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void validationErrorsAreNotRetriedAndAreExplained() {
        endpoint.handler(request -> AwsResponse.jsonError(400, "ValidationException", "durationSeconds exceeds the profile's limit"));
        assertThatThrownBy(() -> assumer(REGION).assume(source("ec-cert.pem", "ec-key-sec1.pem", false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").duration(Duration.ofHours(12)).build()))
                .hasMessageContaining("ValidationException").hasMessageContaining("profile's duration");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void fieldsCreateSessionDoesNotTakeAreRefusedBeforeCalling() {
        RoleSessionRequest withPolicy = RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1")
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess").build();
        assertThatThrownBy(() -> assumer(REGION).assume(source("ec-cert.pem", "ec-key-sec1.pem", false), withPolicy))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("policyArns"));
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void aKeyThatDoesNotFitTheCertificateIsRefused() {
        PrivateKey ecKey = PemFiles.readPrivateKey("privateKey", resource("ec-key-pkcs8.pem"));
        assertThatThrownBy(() -> new CredentialSource.RolesAnywhere(certificate("rsa-cert.pem"), List.of(), ecKey, TRUST_ANCHOR, PROFILE))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("privateKey"));
    }

    @Test
    void arnsAreChecked() {
        PrivateKey key = PemFiles.readPrivateKey("privateKey", resource("ec-key-pkcs8.pem"));
        assertThatThrownBy(() -> new CredentialSource.RolesAnywhere(certificate("ec-cert.pem"), List.of(), key, PROFILE, PROFILE))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("trustAnchorArn"));
    }

    @Test
    void pemErrorsNameTheFileNotItsContent() {
        assertThatThrownBy(() -> PemFiles.readPrivateKey("privateKey", resource("rsa-cert.pem")))
                .isInstanceOfSatisfying(InvalidRoleRequestException.class, e -> assertThat(e.field()).isEqualTo("privateKey"))
                .hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> PemFiles.readCertificates("certificate", resource("ec-key-sec1.pem")))
                .hasMessageContaining("no PEM CERTIFICATE").hasMessageNotContaining("MHc");
    }

    @Test
    void anAnswerWithoutCredentialsIsAnAwsFailureThatDoesNotQuoteTheBody() {
        endpoint.handler(request -> AwsResponse.of(201, "application/json",
                "{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"ASIAX\",\"secretAccessKey\":\"leakedSecretValue\"}}]}"));
        assertThatThrownBy(() -> assumer(REGION).assume(source("ec-cert.pem", "ec-key-sec1.pem", false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build()))
                .isInstanceOf(AwsCallException.class).hasMessageContaining("UnreadableResponse")
                .hasMessageNotContaining("leakedSecretValue");
    }

    @Test
    void goesThroughTheConfiguredProxy() throws Exception {
        endpoint.handler(RolesAnywhereTest::session);
        int unusedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unusedPort = socket.getLocalPort();
        }
        // Nothing listens on the target: only the proxy (the verifying endpoint itself) can answer.
        RoleAssumer assumer = new RoleAssumer(new AwsClients(AwsClientSettings.builder(REGION)
                .endpointOverride("rolesanywhere", java.net.URI.create("http://localhost:" + unusedPort))
                .proxy(new io.jenkins.plugins.securepipeline.aws.ProxySettings(endpoint.uri(), List.of("169.254.169.254"))).build()));
        assertThat(assumer.assume(source("rsa-cert.pem", "rsa-key-pkcs1.pem", false),
                RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1").build())).isNotNull();
        assertThat(endpoint.requests()).singleElement().satisfies(r -> assertThat(r.header("host")).isEqualTo("localhost:" + unusedPort));
    }
}
