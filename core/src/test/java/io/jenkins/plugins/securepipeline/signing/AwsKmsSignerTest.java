package io.jenkins.plugins.securepipeline.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumManifest;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestSigning;
import java.util.List;
import java.util.OptionalLong;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The real SDK KmsClient against a local KMS on 127.0.0.1 that checks SigV4 and really signs with a test key,
 * the way KMS does for an ECC_NIST_P256 key: ECDSA over the digest it is sent, DER-encoded.
 */
class AwsKmsSignerTest {
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/0b5e5bd5-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalAwsEndpoint endpoint;
    private KmsClient kms;
    private KeyPair kmsKey;
    private String keySpec = "ECC_NIST_P256";

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        kmsKey = generator.generateKeyPair();
        endpoint = LocalAwsEndpoint.start("kms", "eu-west-1").handler(this::localKms);
        kms = KmsClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.EU_WEST_1)
                .credentialsProvider(endpoint.credentialsProvider())
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        kms.close();
        endpoint.close();
    }

    private AwsResponse localKms(AwsRequest request) {
        try {
            JsonNode body = JSON.readTree(request.bodyText());
            if (!body.path("KeyId").asText().equals("alias/release-signing")) {
                return AwsResponse.jsonError(400, "NotFoundException", "Alias arn:aws:kms:eu-west-1:111122223333:"
                        + body.path("KeyId").asText() + " is not found.");
            }
            switch (request.operation()) {
                case "Sign": {
                    byte[] digest = Base64.getDecoder().decode(body.path("Message").asText());
                    if (!body.path("MessageType").asText().equals("DIGEST") || digest.length != 32
                            || !body.path("SigningAlgorithm").asText().equals("ECDSA_SHA_256")) {
                        return AwsResponse.jsonError(400, "ValidationException", "expected a SHA-256 DIGEST");
                    }
                    Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                    ecdsa.initSign(kmsKey.getPrivate());
                    ecdsa.update(digest);
                    return AwsResponse.json("{\"KeyId\":\"" + KEY_ARN + "\",\"Signature\":\""
                            + Base64.getEncoder().encodeToString(ecdsa.sign()) + "\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}");
                }
                case "GetPublicKey":
                    return AwsResponse.json("{\"KeyId\":\"" + KEY_ARN + "\",\"KeySpec\":\"" + keySpec + "\","
                            + "\"KeyUsage\":\"SIGN_VERIFY\",\"SigningAlgorithms\":[\"ECDSA_SHA_256\"],\"PublicKey\":\""
                            + Base64.getEncoder().encodeToString(kmsKey.getPublic().getEncoded()) + "\"}");
                default:
                    return AwsResponse.jsonError(400, "UnsupportedOperationException", request.operation());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signsTheDigestInKmsAndTheSignatureVerifiesWithThePublicKeyLocally() throws Exception {
        byte[] message = "{\"algorithm\":\"sha256\"}".getBytes(StandardCharsets.UTF_8);
        Signer signer = new AwsKmsSigner(kms, KmsKeyReference.parse("awskms:///alias/release-signing"));
        byte[] signature = signer.sign(message);

        assertThat(EcdsaP256Verifier.of((ECPublicKey) kmsKey.getPublic()).verify(message, signature)).isTrue();
        assertThat(signer.keyId()).isEqualTo("awskms:///alias/release-signing");
        AwsRequest sign = endpoint.requests().get(0);
        assertThat(sign.operation()).isEqualTo("Sign");
        // Only the digest travels to KMS, never the message.
        assertThat(JSON.readTree(sign.bodyText()).path("Message").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(message)));
        assertThat(endpoint.rejected()).isEmpty();
    }

    @Test
    void getPublicKeyGivesAVerifierForKmsSignatures() throws Exception {
        KmsKeyReference key = KmsKeyReference.parse("awskms:///alias/release-signing");
        byte[] message = "manifest".getBytes(StandardCharsets.UTF_8);
        byte[] signature = new AwsKmsSigner(kms, key).sign(message);
        SignatureVerifier verifier = AwsKmsPublicKey.verifierFor(kms, key);
        assertThat(verifier.verify(message, signature)).isTrue();
        assertThat(verifier.verify("changed".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(verifier.keyId()).isEqualTo("awskms:///alias/release-signing");
    }

    @Test
    void aManifestSignedInKmsVerifiesWithTheKmsPublicKeyAndFailsWhenChanged() throws Exception {
        KmsKeyReference key = KmsKeyReference.parse("awskms:///alias/release-signing");
        ChecksumManifest manifest = ChecksumManifest.unsigned(DigestAlgorithm.SHA256, List.of(new ChecksumEntry("app.jar",
                ArtifactDigest.parse("sha256:" + "ab".repeat(32)), OptionalLong.of(10))));
        ChecksumManifest signed = ManifestSigning.sign(manifest, new AwsKmsSigner(kms, key));
        assertThat(signed.signature()).hasValueSatisfying(s -> assertThat(s.keyId()).isEqualTo("awskms:///alias/release-signing"));

        SignatureVerifier verifier = AwsKmsPublicKey.verifierFor(kms, key);
        ManifestSigning.verify(signed, verifier);
        ChecksumManifest resized = new ChecksumManifest(DigestAlgorithm.SHA256, List.of(new ChecksumEntry("app.jar",
                ArtifactDigest.parse("sha256:" + "ab".repeat(32)), OptionalLong.of(11))), signed.signature());
        assertThatThrownBy(() -> ManifestSigning.verify(resized, verifier))
                .isInstanceOf(ManifestSigning.InvalidManifestSignatureException.class);
    }

    @Test
    void kmsErrorsNameTheKeyAndTheServiceError() {
        Signer signer = new AwsKmsSigner(kms, KmsKeyReference.parse("awskms:///alias/no-such-key"));
        assertThatThrownBy(() -> signer.sign(new byte[] {1}))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("AWS KMS refused to sign with awskms:///alias/no-such-key (NotFoundException: ")
                .hasMessageNotContaining(LocalAwsEndpoint.SECRET_ACCESS_KEY);
    }

    @Test
    void aKeyThatIsNotP256IsRefused() {
        keySpec = "ECC_SECG_P256K1";
        assertThatThrownBy(() -> AwsKmsPublicKey.verifierFor(kms, KmsKeyReference.parse("awskms:///alias/release-signing")))
                .hasMessage("awskms:///alias/release-signing has key spec ECC_SECG_P256K1, expected ECC_NIST_P256");
    }
}
