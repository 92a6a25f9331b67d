package io.jenkins.plugins.securepipeline.image.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.registry.FaultInjectingProxy;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.cosign.SignerPayloadSigner;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublishAndPromoteTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private ImageReference ref(String text) throws Exception {
        return ImageReference.parse(text, "test");
    }

    @Test
    void pushesThenSignsTheDigestThatWasReadBack() throws Exception {
        KeyPair key = p256();
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {5000, 7000}, 41);
        RegistryClient client = REGISTRY.client();
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            SignedImagePublisher.Outcome outcome = new SignedImagePublisher(client, new ImagePusher(client, 2, null))
                    .publish(source, ref(REGISTRY.address() + "/pub/app:1"),
                            new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) key.getPrivate(), "k")), io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier.of((java.security.interfaces.ECPublicKey) key.getPublic()), Map.of("build", "42"));
            assertThat(outcome.push().digest()).isEqualTo(manifest.digest());
            assertThat(outcome.signature().signatureReference()).endsWith(":" + manifest.digest().signatureTag());
        }
        CosignSignatureVerifier.Verification verification = new CosignSignatureVerifier(client)
                .verify(ref(REGISTRY.address() + "/pub/app@" + manifest.digest()), key.getPublic());
        assertThat(verification.verified()).isTrue();
    }

    @Test
    void aFailedPushIsNeverSigned() throws Exception {
        KeyPair key = p256();
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {5000}, 42);
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY); ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            proxy.failNextPatches.set(100);
            RegistryClient client = proxy.client(REGISTRY.credentials());
            assertThatThrownBy(() -> new SignedImagePublisher(client, new ImagePusher(client, 2, null))
                    .publish(source, ref(proxy.address() + "/failing/app:1"),
                            new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) key.getPrivate(), "k")), null, null))
                    .isInstanceOf(RegistryException.class);
        }
        RegistryClient direct = REGISTRY.client();
        assertThat(direct.getManifest("failing/app", manifest.digest().signatureTag())).isNull();
        assertThat(direct.getManifest("failing/app", "1")).isNull();
    }

    @Test
    void promotesByDigestWithSignaturesWithinAndAcrossRegistries() throws Exception {
        KeyPair devKey = p256();
        KeyPair prodKey = p256();
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {9000, 3000}, 43);
        RegistryClient client = REGISTRY.client();
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            new SignedImagePublisher(client, new ImagePusher(client, 2, null)).publish(source,
                    ref(REGISTRY.address() + "/dev/app:1"), new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) devKey.getPrivate(), "dev")),
                    io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier.of((java.security.interfaces.ECPublicKey) devKey.getPublic()), null);
        }
        ImageReference built = ref(REGISTRY.address() + "/dev/app@" + manifest.digest());

        // Same registry: blobs are mounted, bytes and digest unchanged, the signature comes along.
        ImagePromotion.Promoted promoted = new ImagePromotion(client, client, new ImagePusher(client, 2, null))
                .copy(built, ref(REGISTRY.address() + "/prod/app:release"));
        assertThat(promoted.push().digest()).isEqualTo(manifest.digest());
        assertThat(promoted.push().blobsPushed()).isZero();
        assertThat(promoted.signaturesCopied()).isEqualTo(1);
        assertThat(client.getManifest("prod/app", "release").bytes()).isEqualTo(manifest.bytes());
        ImageReference prod = ref(REGISTRY.address() + "/prod/app@" + manifest.digest());
        assertThat(new CosignSignatureVerifier(client).verify(prod, devKey.getPublic()).verified()).isTrue();

        // Another "registry" (the proxy's address): blobs are copied; a signature already there is kept and merged.
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            RegistryClient other = proxy.client(REGISTRY.credentials());
            ImageReference otherTarget = ref(proxy.address() + "/other/app:1");
            // Put the image and a prod-key signature there first, as an earlier promotion might have.
            new ImagePromotion(client, other, new ImagePusher(other, 2, null)).copy(built, otherTarget);
            new io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher(other).sign(
                    otherTarget.withDigest(manifest.digest()),
                    new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) prodKey.getPrivate(), "prod")), null, (java.security.PublicKey) null);
            ImagePromotion.Promoted again = new ImagePromotion(client, other, new ImagePusher(other, 2, null)).copy(built, otherTarget);
            assertThat(again.push().blobsSkipped()).isEqualTo(3);
            assertThat(again.signaturesCopied()).isZero();
            ImageReference otherDigest = otherTarget.withDigest(manifest.digest());
            CosignSignatureVerifier verifier = new CosignSignatureVerifier(other);
            assertThat(verifier.verify(otherDigest, devKey.getPublic()).verified()).isTrue();
            assertThat(verifier.verify(otherDigest, prodKey.getPublic()).verified()).isTrue();
            assertThat(verifier.verify(otherDigest, prodKey.getPublic()).signatures()).isEqualTo(2);
        }
    }

    @Test
    void immutableTagConflictsAreExplainedIncludingTheSignatureTag() throws Exception {
        KeyPair first = p256();
        KeyPair second = p256();
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {3000}, 44);
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY); ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            proxy.immutableTags = true;
            RegistryClient client = proxy.client(REGISTRY.credentials());
            SignedImagePublisher publisher = new SignedImagePublisher(client, new ImagePusher(client, 2, null));
            ImageReference target = ref(proxy.address() + "/immutable/app:1");
            publisher.publish(source, target, new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) first.getPrivate(), "first")), null, null);
            // The same image again is fine (the tag does not move); a second signature rewrites the .sig tag.
            assertThatThrownBy(() -> publisher.publish(source, target,
                    new SignerPayloadSigner(new io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer((ECPrivateKey) second.getPrivate(), "second")), null, null))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("tag '" + manifest.digest().signatureTag() + "' already exists")
                    .hasMessageContaining("IMMUTABLE_WITH_EXCLUSION")
                    .hasMessageContaining("filter='sha256-*'");

            Path other = temp.resolve("other");
            TestImages.ociLayout(other, "v1", new int[] {3000}, 45);
            try (ImageSource otherSource = OciLayoutSource.directory(other, "v1")) {
                assertThatThrownBy(() -> publisher.publish(otherSource, target, null, null, null))
                        .isInstanceOf(RegistryException.class)
                        .hasMessageContaining("tag '1' already exists in repository 'immutable/app'")
                        .hasMessageContaining("Push under a new tag");
            }
        }
    }
}
