package io.jenkins.plugins.securepipeline.signing.cosign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import io.jenkins.plugins.securepipeline.signing.AwsKmsPublicKey;
import io.jenkins.plugins.securepipeline.signing.AwsKmsSigner;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** KMS signing through the real SDK client against a local KMS endpoint that signs with a real P-256 key. */
class KmsSigningTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static KmsClient kms(LocalAwsEndpoint endpoint) {
        return KmsClient.builder().endpointOverride(endpoint.uri()).region(Region.EU_WEST_1)
                .credentialsProvider(endpoint.credentialsProvider()).httpClient(ApacheHttpClient.create()).build();
    }

    /** A KMS that holds {@code key} under "alias/image-signing" and signs SHA-256 digests with it. */
    private static AwsResponse fakeKms(KeyPair key, String keySpec, AtomicInteger digestsSigned, io.jenkins.plugins.securepipeline.aws.testing.AwsRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (!"alias/image-signing".equals(body.path("KeyId").asText())) {
                return AwsResponse.jsonError(400, "NotFoundException", "Alias is not found.");
            }
            if (request.operation().equals("GetPublicKey")) {
                return AwsResponse.json("{\"KeyId\":\"arn:aws:kms:eu-west-1:111122223333:key/k\",\"KeySpec\":\"" + keySpec
                        + "\",\"KeyUsage\":\"SIGN_VERIFY\",\"SigningAlgorithms\":[\"ECDSA_SHA_256\"],\"PublicKey\":\""
                        + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()) + "\"}");
            }
            if (request.operation().equals("Sign")) {
                assertThat(body.path("MessageType").asText()).isEqualTo("DIGEST");
                assertThat(body.path("SigningAlgorithm").asText()).isEqualTo("ECDSA_SHA_256");
                byte[] digest = Base64.getDecoder().decode(body.path("Message").asText());
                assertThat(digest).hasSize(32);
                Signature signature = Signature.getInstance("NONEwithECDSA");
                signature.initSign(key.getPrivate());
                signature.update(digest);
                digestsSigned.incrementAndGet();
                return AwsResponse.json("{\"KeyId\":\"arn:aws:kms:eu-west-1:111122223333:key/k\",\"SigningAlgorithm\":\"ECDSA_SHA_256\","
                        + "\"Signature\":\"" + Base64.getEncoder().encodeToString(signature.sign()) + "\"}");
            }
            return AwsResponse.jsonError(400, "UnsupportedOperationException", request.operation());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signsTheDigestInKmsAndVerifiesWithTheKmsPublicKey() throws Exception {
        KeyPair key = CosignConformanceTest.p256();
        AtomicInteger signed = new AtomicInteger();
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {2000}, 51);
        RegistryClient client = REGISTRY.client();
        ImageReference image;
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            image = ImageReference.parse(new ImagePusher(client, 2, null)
                    .push(source, ImageReference.parse(REGISTRY.address() + "/kms/app:1", "t"), null).reference(), "i");
        }
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("kms", "eu-west-1"); KmsClient kms = kms(endpoint)) {
            endpoint.handler(request -> fakeKms(key, "ECC_NIST_P256", signed, request));
            KmsKeyReference reference = KmsKeyReference.parse("awskms:///alias/image-signing");
            EcdsaP256Verifier kmsPublicKey = AwsKmsPublicKey.verifierFor(kms, reference);
            new CosignSignaturePublisher(client).sign(image, new SignerPayloadSigner(new AwsKmsSigner(kms, reference)), null,
                    kmsPublicKey);
            assertThat(signed.get()).isEqualTo(1);
            assertThat(endpoint.rejected()).isEmpty();
            assertThat(new CosignSignatureVerifier(client).verify(image, kmsPublicKey).verified()).isTrue();
            assertThat(new CosignSignatureVerifier(client).verify(image, key.getPublic()).verified()).isTrue();
            IndependentCosign independent = new IndependentCosign(REGISTRY.address(), REGISTRY.basicAuthorizationHeader());
            assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) key.getPublic())).isTrue();
            // Signing again with the same KMS key is recognised before KMS is asked.
            assertThat(new CosignSignaturePublisher(client).sign(image, new SignerPayloadSigner(new AwsKmsSigner(kms, reference)),
                    null, kmsPublicKey).alreadyPresent()).isTrue();
            assertThat(signed.get()).isEqualTo(1);
            // Attestations are signed through the same KMS signer (one Sign call for the DSSE PAE).
            new io.jenkins.plugins.securepipeline.signing.attest.AttestationPublisher(client).attach(image,
                    new SignerPayloadSigner(new AwsKmsSigner(kms, reference)), kmsPublicKey,
                    java.util.List.of(io.jenkins.plugins.securepipeline.signing.attest.Predicate.provenance(
                            new io.jenkins.plugins.securepipeline.signing.attest.SlsaProvenance("https://ci.example/job/app/"))));
            assertThat(signed.get()).isEqualTo(2);
            assertThat(new io.jenkins.plugins.securepipeline.signing.attest.AttestationVerifier(client).verify(image,
                    EcdsaP256Verifier.of((ECPublicKey) key.getPublic()),
                    new io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy(java.util.Set.of(), true,
                            io.jenkins.plugins.securepipeline.signing.attest.GlobPattern.compile("https://ci.example/**", "b"),
                            null, false)).verified()).isTrue();

            assertThatThrownBy(() -> new SignerPayloadSigner(new AwsKmsSigner(kms, KmsKeyReference.parse("awskms:///alias/other")))
                    .sign(new byte[] {1}))
                    .hasMessageContaining("awskms:///alias/other").hasMessageContaining("NotFoundException");
        }
    }

    @Test
    void refusesKeysThatCosignCannotUseAndEndpointsInReferences() throws Exception {
        KeyPair key = CosignConformanceTest.p256();
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("kms", "eu-west-1"); KmsClient kms = kms(endpoint)) {
            endpoint.handler(request -> fakeKms(key, "ECC_NIST_P384", new AtomicInteger(), request));
            assertThatThrownBy(() -> AwsKmsPublicKey.verifierFor(kms, KmsKeyReference.parse("awskms:///alias/image-signing")))
                    .hasMessageContaining("ECC_NIST_P384, expected ECC_NIST_P256");
            assertThatThrownBy(() -> KmsKeyReference.parse("awskms://endpoint/alias/x")).hasMessageContaining("awskms:///");
        }
    }
}
