package io.jenkins.plugins.securepipeline.integrity.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFileException;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFormat;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.PublicKeyFingerprint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
    private static final String H = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private ChecksumManifest manifest;
    private EcdsaP256Signer signer;
    private EcdsaP256Verifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        manifest = ChecksumManifest.unsigned(DigestAlgorithm.SHA256, List.of(
                new ChecksumEntry("app.jar", ArtifactDigest.parse("sha256:" + H), OptionalLong.of(3)),
                new ChecksumEntry("dir/new\nline \"q\" \\ \u0001 é😀", ArtifactDigest.parse("sha256:" + H), OptionalLong.of(0))));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        signer = new EcdsaP256Signer((ECPrivateKey) pair.getPrivate(), PublicKeyFingerprint.of(pair.getPublic()));
        verifier = EcdsaP256Verifier.of((ECPublicKey) pair.getPublic());
    }

    private static ChecksumManifest read(String json) throws Exception {
        return ManifestJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "manifest.json", ChecksumLimits.DEFAULT);
    }

    @Test
    void canonicalBytesAreSortedCompactJcsWithoutTheSignature() throws Exception {
        String expected = "{\"algorithm\":\"sha256\",\"files\":[{\"digest\":\"sha256:" + H + "\",\"path\":\"app.jar\",\"size\":3},"
                + "{\"digest\":\"sha256:" + H + "\",\"path\":\"dir/new\\nline \\\"q\\\" \\\\ \\u0001 é😀\",\"size\":0}],"
                + "\"schema\":\"aws-secure-pipeline/checksums/v1\"}";
        assertThat(new String(ManifestJson.canonicalBytes(manifest), StandardCharsets.UTF_8)).isEqualTo(expected);
        ChecksumManifest signed = ManifestSigning.sign(manifest, signer);
        assertThat(ManifestJson.canonicalBytes(signed)).isEqualTo(ManifestJson.canonicalBytes(manifest));
    }

    @Test
    void writtenManifestReadsBackIdenticallyAndItsSignatureVerifies() throws Exception {
        ChecksumManifest signed = ManifestSigning.sign(manifest, signer);
        String json = new String(ManifestJson.write(signed), StandardCharsets.UTF_8);
        ChecksumManifest back = read(json);
        assertThat(back).isEqualTo(signed);
        ManifestSigning.verify(back, verifier);
        assertThat(back.signature()).hasValueSatisfying(s -> assertThat(s.keyId()).isEqualTo(signer.keyId()));
    }

    @Test
    void layoutAndMemberOrderDoNotMatterButEveryValueIsSigned() throws Exception {
        ChecksumManifest signed = ManifestSigning.sign(manifest, signer);
        String json = new String(ManifestJson.write(signed), StandardCharsets.UTF_8);
        String reordered = "{\"signature\":" + json.substring(json.indexOf("{\"algorithm\": \"ecdsa"), json.lastIndexOf('}')).trim()
                + ",\n\"schema\":\"aws-secure-pipeline/checksums/v1\",\"files\":" + json.substring(json.indexOf('['), json.indexOf(']') + 1)
                + ",\"algorithm\":\"sha256\"}";
        ManifestSigning.verify(read(reordered), verifier);

        for (String tampered : List.of(
                json.replace("\"size\": 3", "\"size\": 4"),
                json.replace("app.jar", "app.war"),
                json.replaceFirst("sha256:ba78", "sha256:ba79"))) {
            assertThatThrownBy(() -> ManifestSigning.verify(read(tampered), verifier))
                    .isInstanceOf(ManifestSigning.InvalidManifestSignatureException.class)
                    .hasMessageContaining("signature does not verify with key " + verifier.keyId());
        }
        assertThatThrownBy(() -> ManifestSigning.verify(manifest, verifier)).hasMessageContaining("manifest is not signed");
    }

    @Test
    void unknownMembersAreRefusedBecauseTheyWouldNotBeSigned() {
        String base = new String(ManifestJson.write(manifest), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(base.replace("\"schema\"", "\"comment\": \"trust me\", \"schema\"")))
                .isInstanceOf(ChecksumFileException.class).hasMessage("manifest.json: comment: unknown member (refused, it would not be signed)");
        assertThatThrownBy(() -> read(base.replace("\"size\": 3}", "\"size\": 3, \"mode\": \"755\"}")))
                .hasMessage("manifest.json: files[0].mode: unknown member (refused, it would not be signed)");
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        String base = new String(ManifestJson.write(manifest), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(base.replace("\"size\": 3", "\"size\": -1"))).hasMessage("manifest.json: files[0].size: expected a non-negative integer");
        assertThatThrownBy(() -> read(base.replace("\"size\": 3", "\"size\": 3.5"))).hasMessageContaining("files[0].size");
        assertThatThrownBy(() -> read(base.replace("\"app.jar\"", "\"../app.jar\""))).hasMessageContaining("files[0].path: '../app.jar' leaves the base directory");
        assertThatThrownBy(() -> read(base.replace("\"app.jar\"", "\"./app.jar\""))).hasMessage("manifest.json: files[0].path: must be written normalized, as 'app.jar'");
        assertThatThrownBy(() -> read(base.replace("\"algorithm\": \"sha256\"", "\"algorithm\": \"sha512\"")))
                .hasMessage("manifest.json: files[0].digest: sha256 digest in a sha512 manifest");
        assertThatThrownBy(() -> read(base.replace("\"algorithm\": \"sha256\"", "\"algorithm\": \"md5\""))).hasMessageContaining("algorithm: expected one of");
        assertThatThrownBy(() -> read(base.replace("checksums/v1", "checksums/v2"))).hasMessageContaining("schema: expected");
        assertThatThrownBy(() -> read(base.replace("\"algorithm\": \"sha256\",", "\"algorithm\": \"sha256\", \"algorithm\": \"sha256\",")))
                .hasMessageContaining("line 2").hasMessageContaining("Duplicate field 'algorithm'");
        assertThatThrownBy(() -> read(base + "{}")).hasMessageContaining("invalid JSON");
    }

    @Test
    void hostileJsonIsRefusedWithinLimits() {
        assertThatThrownBy(() -> read("[".repeat(100_000))).hasMessageContaining("invalid JSON").hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> ManifestJson.read(new ByteArrayInputStream(new byte[2000]), "m.json", new ChecksumLimits(1000, 100, 10)))
                .hasMessage("m.json: manifest is larger than 1000 bytes");
        assertThatThrownBy(() -> read("{\"files\":\u0000}")).hasMessageContaining("invalid JSON");
    }

    @Test
    void loaderTellsFormatsApartByContent() throws Exception {
        byte[] json = ManifestJson.write(manifest);
        ChecksumFileLoader.LoadedChecksums fromJson = ChecksumFileLoader.load(new ByteArrayInputStream(json), "m", ChecksumLimits.DEFAULT);
        assertThat(fromJson.format()).isEqualTo(ChecksumFormat.JSON);
        assertThat(fromJson.entries()).isEqualTo(manifest.files());
        ChecksumFileLoader.LoadedChecksums fromGnu = ChecksumFileLoader.load(
                new ByteArrayInputStream((H + "  app.jar\n").getBytes(StandardCharsets.UTF_8)), "s", ChecksumLimits.DEFAULT);
        assertThat(fromGnu.manifest()).isEmpty();
        assertThat(fromGnu.format()).isEqualTo(ChecksumFormat.GNU);
        assertThat(ChecksumFileLoader.load(new ByteArrayInputStream(("SHA256 (app.jar) = " + H + "\n").getBytes(StandardCharsets.UTF_8)),
                "b", ChecksumLimits.DEFAULT).format()).isEqualTo(ChecksumFormat.BSD);
        assertThat(fromGnu.entries()).extracting(ChecksumEntry::name).containsExactly("app.jar");
    }
}
