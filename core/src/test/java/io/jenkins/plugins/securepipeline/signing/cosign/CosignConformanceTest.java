package io.jenkins.plugins.securepipeline.signing.cosign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our cosign signatures must verify with an independent implementation of the format, and its signatures with our
 * verifier; tampering, wrong keys, wrong digests and duplicates must be caught.
 */
class CosignConformanceTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private RegistryClient client;
    private IndependentCosign independent;
    private ImageReference image;
    private KeyPair key;
    private KeyPair otherKey;

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @BeforeEach
    void pushAnImage() throws Exception {
        client = REGISTRY.client();
        independent = new IndependentCosign(REGISTRY.address(), REGISTRY.basicAuthorizationHeader());
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {1000}, System.nanoTime());
        String repository = "signed/app" + (System.nanoTime() % 100000);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            PushResult result = new ImagePusher(client, 2, null)
                    .push(source, ImageReference.parse(REGISTRY.address() + "/" + repository + ":v1", "t"), null);
            image = ImageReference.parse(result.reference(), "image");
        }
        key = p256();
        otherKey = p256();
    }

    private PayloadSigner ours(KeyPair pair) {
        return new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) pair.getPrivate(), "test-key"));
    }

    private CosignSignatureVerifier.Verification verifyWithOurs(KeyPair pair) throws Exception {
        return new CosignSignatureVerifier(client).verify(image, pair.getPublic());
    }

    @Test
    void ourSignatureVerifiesWithTheIndependentImplementation() throws Exception {
        CosignSignaturePublisher.Published published = new CosignSignaturePublisher(client)
                .sign(image, ours(key), null, key.getPublic());
        assertThat(published.alreadyPresent()).isFalse();
        assertThat(published.signatureReference()).isEqualTo(image.repositoryReference() + ":" + image.digest().signatureTag());
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) key.getPublic())).isTrue();
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) otherKey.getPublic())).isFalse();
        // The payload is byte for byte what the spec describes.
        List<ObjectNode> layers = independent.signatureLayers(image.repository(), image.digest().toString());
        assertThat(layers).singleElement().satisfies(layer ->
                assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.dev.cosign.simplesigning.v1+json"));
        byte[] expectedPayload = IndependentCosign.payload(image.repositoryReference(), image.digest().toString())
                .getBytes(StandardCharsets.UTF_8);
        assertThat(layers.get(0).get("digest").asText()).isEqualTo(IndependentCosign.digestOf(expectedPayload));
    }

    @Test
    void theIndependentSignatureVerifiesWithOurs() throws Exception {
        byte[] payload = IndependentCosign.payload(image.repositoryReference(), image.digest().toString()).getBytes(StandardCharsets.UTF_8);
        independent.publish(image.repository(), image.digest().toString(), payload,
                IndependentCosign.sign((ECPrivateKey) key.getPrivate(), payload), List.of());
        CosignSignatureVerifier.Verification verification = verifyWithOurs(key);
        assertThat(verification.verified()).isTrue();
        assertThat(verification.dockerReference()).isEqualTo(image.repositoryReference());
        assertThat(verifyWithOurs(otherKey).verified()).isFalse();
        assertThat(verifyWithOurs(otherKey).problems()).anySatisfy(p -> assertThat(p).contains("does not verify with the given key"));
    }

    @Test
    void aTamperedPayloadIsRejected() throws Exception {
        byte[] signed = IndependentCosign.payload(image.repositoryReference(), image.digest().toString()).getBytes(StandardCharsets.UTF_8);
        byte[] tampered = IndependentCosign.payload("evil.example/other", image.digest().toString()).getBytes(StandardCharsets.UTF_8);
        independent.publish(image.repository(), image.digest().toString(), tampered,
                IndependentCosign.sign((ECPrivateKey) key.getPrivate(), signed), List.of());
        assertThat(verifyWithOurs(key).verified()).isFalse();
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) key.getPublic())).isFalse();
    }

    @Test
    void aValidSignatureForAnotherDigestIsRejected() throws Exception {
        String otherDigest = "sha256:" + "e".repeat(64);
        byte[] payload = IndependentCosign.payload(image.repositoryReference(), otherDigest).getBytes(StandardCharsets.UTF_8);
        independent.publish(image.repository(), image.digest().toString(), payload,
                IndependentCosign.sign((ECPrivateKey) key.getPrivate(), payload), List.of());
        CosignSignatureVerifier.Verification verification = verifyWithOurs(key);
        assertThat(verification.verified()).isFalse();
        assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("payload is for " + otherDigest));
    }

    @Test
    void aPayloadWithExtraCriticalFieldsIsRejectedEvenIfSigned() throws Exception {
        String text = IndependentCosign.payload(image.repositoryReference(), image.digest().toString())
                .replace("\"type\":", "\"extra\":1,\"type\":");
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        independent.publish(image.repository(), image.digest().toString(), payload,
                IndependentCosign.sign((ECPrivateKey) key.getPrivate(), payload), List.of());
        CosignSignatureVerifier.Verification verification = verifyWithOurs(key);
        assertThat(verification.verified()).isFalse();
        assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("critical.extra: unexpected field"));
    }

    @Test
    void resigningAddsNoDuplicateLayerAndASecondKeyAppends() throws Exception {
        CosignSignaturePublisher publisher = new CosignSignaturePublisher(client);
        publisher.sign(image, ours(key), null, key.getPublic());
        // ECDSA signatures are randomised: re-signing makes a new signature, so use the stored one to re-sign "the same".
        List<ObjectNode> before = independent.signatureLayers(image.repository(), image.digest().toString());
        byte[] storedSignature = Base64.getDecoder().decode(
                before.get(0).get("annotations").get("dev.cosignproject.cosign/signature").asText());
        PayloadSigner replaying = new PayloadSigner() {
            @Override
            public String keyName() {
                return "replay";
            }

            @Override
            public byte[] sign(byte[] payload) {
                return storedSignature;
            }
        };
        CosignSignaturePublisher.Published again = publisher.sign(image, replaying, null, key.getPublic());
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(independent.signatureLayers(image.repository(), image.digest().toString())).hasSize(1);

        publisher.sign(image, ours(otherKey), null, otherKey.getPublic());
        assertThat(independent.signatureLayers(image.repository(), image.digest().toString())).hasSize(2);
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) key.getPublic())).isTrue();
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) otherKey.getPublic())).isTrue();
        assertThat(verifyWithOurs(otherKey).signatures()).isEqualTo(2);
    }

    @Test
    void aSignatureThatDoesNotMatchThePublicKeyIsNeverPublished() throws Exception {
        assertThatThrownBy(() -> new CosignSignaturePublisher(client).sign(image, ours(key), null, otherKey.getPublic()))
                .hasMessageContaining("does not verify with its public key");
        assertThat(independent.signatureLayers(image.repository(), image.digest().toString())).isEmpty();
    }

    @Test
    void anImageThatIsNotInTheRegistryIsNotSigned() throws Exception {
        ImageReference missing = image.withDigest(new io.jenkins.plugins.securepipeline.image.Digest("f".repeat(64)));
        assertThatThrownBy(() -> new CosignSignaturePublisher(client).sign(missing, ours(key), null, (java.security.PublicKey) null))
                .hasMessageContaining("the registry does not serve that manifest");
    }

    @Test
    void cosignEncryptedKeysDecryptWithThePassphraseOnly() throws Exception {
        for (String label : new String[] {"ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY"}) {
            Path file = temp.resolve("cosign-" + label.length() + ".key");
            Files.writeString(file, IndependentCosign.encryptedKeyPem((ECPrivateKey) key.getPrivate(), "correct horse", label));
            ECPrivateKey read = CosignKeyFiles.readPrivateKey(file, "correct horse".toCharArray());
            assertThat(read.getS()).isEqualTo(((ECPrivateKey) key.getPrivate()).getS());
            assertThatThrownBy(() -> CosignKeyFiles.readPrivateKey(file, "wrong battery".toCharArray()))
                    .isInstanceOf(InvalidImageException.class)
                    .hasMessageContaining("wrong passphrase")
                    .hasMessageNotContaining("wrong battery");
            assertThatThrownBy(() -> CosignKeyFiles.readPrivateKey(file, null)).hasMessageContaining("--key-password-file");
        }
        Path file = temp.resolve("cosign.key");
        Files.writeString(file, IndependentCosign.encryptedKeyPem((ECPrivateKey) key.getPrivate(), "pw", "ENCRYPTED SIGSTORE PRIVATE KEY"));
        new CosignSignaturePublisher(client).sign(image,
                new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer(CosignKeyFiles.readPrivateKey(file, "pw".toCharArray()), file.toString())), null, (java.security.PublicKey) null);
        assertThat(independent.verifyImage(image.repository(), image.digest().toString(), (ECPublicKey) key.getPublic())).isTrue();
    }

    @Test
    void plainPemKeysInBothEncodingsAndPublicKeysAreRead() throws Exception {
        Path pkcs8 = temp.resolve("pkcs8.pem");
        Files.writeString(pkcs8, pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        assertThat(CosignKeyFiles.readPrivateKey(pkcs8, null).getS()).isEqualTo(((ECPrivateKey) key.getPrivate()).getS());

        org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getPrivate().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                (org.bouncycastle.asn1.ASN1BitString) null, info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
        Path sec1File = temp.resolve("sec1.pem");
        Files.writeString(sec1File, pem("EC PRIVATE KEY", sec1));
        assertThat(CosignKeyFiles.readPrivateKey(sec1File, null).getS()).isEqualTo(((ECPrivateKey) key.getPrivate()).getS());

        Path pub = temp.resolve("pub.pem");
        Files.writeString(pub, pem("PUBLIC KEY", key.getPublic().getEncoded()));
        assertThat(CosignKeyFiles.readPublicKey(pub)).isEqualTo(key.getPublic());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        Path p384 = temp.resolve("p384.pem");
        Files.writeString(p384, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
        assertThatThrownBy(() -> CosignKeyFiles.readPrivateKey(p384, null)).hasMessageContaining("P-256");
        assertThatThrownBy(() -> CosignKeyFiles.readPublicKey(pkcs8)).hasMessageContaining("no PUBLIC KEY block")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()).substring(0, 20));
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
