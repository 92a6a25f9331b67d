package io.jenkins.plugins.securepipeline.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.cli.CapturedRun;
import io.jenkins.plugins.securepipeline.cli.SecurePipelineCommand;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The push-image / verify-image / copy-image contract, run in-process against a real local registry. */
class ImageCommandsTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StringWriter out;
    private StringWriter err;
    private Path passwordFile;
    private Path privateKey;
    private Path publicKey;
    private Path otherPublicKey;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    @BeforeEach
    void keysAndPasswords() throws Exception {
        passwordFile = REGISTRY.writePasswordFile(temp.resolve("registry-password"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        privateKey = Files.writeString(temp.resolve("cosign.key"), pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        publicKey = Files.writeString(temp.resolve("cosign.pub"), pem("PUBLIC KEY", key.getPublic().getEncoded()));
        otherPublicKey = Files.writeString(temp.resolve("other.pub"), pem("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded()));
    }

    private String[] auth(String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--registry-username";
        all[args.length + 1] = LocalRegistry.USER;
        all[args.length + 2] = "--registry-password-file";
        all[args.length + 3] = passwordFile.toString();
        all[args.length + 4] = "--insecure-http";
        return all;
    }

    @Test
    void pushSignVerifyAndCopyByTheContract() throws Exception {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {40_000, 10_000}, 61);
        String repo = REGISTRY.address() + "/cli/app";

        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1",
                "--sign-key", privateKey.toString(), "--format", "json"))).as(err::toString).isEqualTo(ExitCodes.OK);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("digest").asText()).isEqualTo(manifest.digest().toString());
        assertThat(result.get("reference").asText()).isEqualTo(repo + "@" + manifest.digest());
        assertThat(result.get("signature").asText()).isEqualTo(repo + ":" + manifest.digest().signatureTag());
        assertThat(result.get("blobsPushed").asInt()).isEqualTo(3);
        assertThat(result.get("blobsSkipped").asInt()).isZero();
        assertThat(result.get("bytesPushed").asLong()).isPositive();
        assertThat(out.toString() + err).doesNotContain(Files.readString(passwordFile).trim());

        // Text mode, not on a terminal: plain progress lines on stderr, the result on stdout.
        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1"))).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("push: ").doesNotContain("\r");
        assertThat(out.toString()).contains("3 blobs were already there");
        // --no-progress and --quiet: nothing on standard error, the result as before.
        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1", "--no-progress")))
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1", "--quiet")))
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("Pushed " + repo + "@" + manifest.digest());

        String byDigest = repo + "@" + manifest.digest();
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), byDigest, "--format", "json"))).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("verified").asBoolean()).isTrue();
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), byDigest))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Verified: " + byDigest + " is signed by the given key (1 signature found).")
                .doesNotContain("null");
        assertThat(run(auth("verify-image", "--key", otherPublicKey.toString(), byDigest))).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).startsWith("NOT verified: ").doesNotContain("null");

        String prod = REGISTRY.address() + "/cli/prod";
        assertThat(run(auth("copy-image", "--source", byDigest, "--target", prod + ":release", "--format", "json")))
                .as(err::toString).isEqualTo(ExitCodes.OK);
        JsonNode copied = new ObjectMapper().readTree(out.toString());
        assertThat(copied.get("digest").asText()).isEqualTo(manifest.digest().toString());
        assertThat(copied.get("signaturesCopied").asInt()).isEqualTo(1);
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), prod + "@" + manifest.digest()))).isEqualTo(ExitCodes.OK);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("push-image", "--source", "oci:/nowhere")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(auth("push-image", "--source", "docker:x", "--target", REGISTRY.address() + "/a/b:1"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown transport");
        assertThat(run(auth("push-image", "--source", "oci:/x", "--target", "library/app:1"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not a registry host");
        assertThat(run("push-image", "--source", "oci:/x", "--target", REGISTRY.address() + "/a/b:1",
                "--registry-username", "u")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("go together");
        assertThat(run("push-image", "--source", "oci:/x", "--target", REGISTRY.address() + "/a/b:1",
                "--registry-password", "secret")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), REGISTRY.address() + "/a/b:1"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("verify by digest");
        assertThat(run(auth("copy-image", "--source", REGISTRY.address() + "/a/b:1", "--target", REGISTRY.address() + "/c/d:1")))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void localInputProblemsExitWithThreeAndSayWhatToDo() throws Exception {
        String target = REGISTRY.address() + "/local/input:1";
        assertThat(run(auth("push-image", "--source", "oci:" + temp.resolve("nosuch"), "--target", target)))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("push-image: --source: " + temp.resolve("nosuch") + ": no such file or directory\n");
        Path gzipped = temp.resolve("image.tar.gz");
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(new byte[2048]);
        }
        assertThat(run(auth("push-image", "--source", "docker-archive:" + gzipped, "--target", target)))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--source: " + gzipped + ": is gzip-compressed; unpack it first (e.g. gunzip)");
        assertThat(run(auth("push-image", "--source", "oci-archive:" + temp, "--target", target)))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(temp + ": is a directory, not a regular file");
        assertThat(REGISTRY.client().getManifest("local/input", "1")).isNull();
    }

    @Test
    void registryFailuresExitWithFiveAndNeverPrintThePassword() throws Exception {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {1000}, 62);
        Path wrong = Files.writeString(temp.resolve("wrong"), "definitely-wrong-password\n");
        assertThat(run("push-image", "--source", "oci:" + layout + ":v1", "--target", REGISTRY.address() + "/a/b:1",
                "--registry-username", LocalRegistry.USER, "--registry-password-file", wrong.toString(), "--insecure-http"))
                .isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
        assertThat(err.toString()).contains("HTTP 401").doesNotContain("definitely-wrong-password");

        Path tampered = temp.resolve("tampered.key");
        Files.writeString(tampered, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", REGISTRY.address() + "/a/b:1",
                "--sign-key", tampered.toString()))).isEqualTo(ExitCodes.INVALID_INPUT);
        // A local key file that is no key is an input problem (3), not a registry or signing failure (5).
        assertThat(err.toString()).contains("--sign-key: ").contains("tampered.key").contains("not an EC private key");
        // Nothing was pushed: the key is opened before the push starts.
        assertThat(REGISTRY.client().getManifest("a/b", "1")).isNull();
    }

    @Test
    void pushWithAttestationsVerifyThemAndCopyThem() throws Exception {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {3000}, 63);
        String repo = REGISTRY.address() + "/cli/attested";
        Path sbom = Files.writeString(temp.resolve("bom.cdx.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[]}");
        Path custom = Files.writeString(temp.resolve("tests.json"), "{\"passed\":3}");
        String[] push = auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1",
                "--sign-key", privateKey.toString(), "--format", "json",
                "--attest-provenance", "--builder-id", "https://ci.example/job/app/", "--build-number", "7",
                "--build-url", "https://ci.example/job/app/7/", "--source-repo", "https://github.com/example/app.git",
                "--source-commit", "0123456789abcdef0123456789abcdef01234567", "--build-param", "ENV=prod",
                "--base-image", REGISTRY.address() + "/base/jdk@sha256:" + "c".repeat(64),
                "--attest-sbom", sbom.toString(), "--attest", "https://example.com/tests/v1=" + custom);
        assertThat(run(push)).as(err::toString).isEqualTo(ExitCodes.OK);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("attestations").asText()).isEqualTo(repo + ":sha256-" + manifest.digest().hex() + ".att");
        assertThat(result.get("attestationsAdded")).hasSize(3);

        // Pushing and signing again with the same key adds no signature and no attestation.
        assertThat(run(push)).as(err::toString).isEqualTo(ExitCodes.OK);
        result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("attestationsAdded")).isEmpty();
        assertThat(result.get("attestationsAlreadyPresent")).hasSize(3);
        assertThat(REGISTRY.client().getManifest("cli/attested", manifest.digest().signatureTag()).layers()).hasSize(1);
        assertThat(REGISTRY.client().getManifest("cli/attested", manifest.digest().attestationTag()).layers()).hasSize(3);

        String byDigest = repo + "@" + manifest.digest();
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), byDigest, "--format", "json",
                "--builder-id", "https://ci.example/job/*/", "--source-repo", "https://github.com/example/*",
                "--require-sbom", "--require-attestation", "https://example.com/tests/v1"))).as(out::toString).isEqualTo(ExitCodes.OK);
        JsonNode verified = new ObjectMapper().readTree(out.toString());
        assertThat(verified.get("attestationsVerified").asBoolean()).isTrue();
        assertThat(verified.get("checked").toString()).contains("builder id https://ci.example/job/app/ matches https://ci.example/job/*/")
                .contains("SBOM: https://cyclonedx.org/bom present");
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), byDigest, "--builder-id", "https://other.example/**")))
                .isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("Attestations NOT verified: ").contains("does not match https://other.example/**");
        assertThat(run(auth("verify-image", "--key", otherPublicKey.toString(), byDigest, "--require-sbom")))
                .isEqualTo(ExitCodes.BLOCKED);

        String prod = REGISTRY.address() + "/cli/attested-prod";
        assertThat(run(auth("copy-image", "--source", byDigest, "--target", prod + ":release", "--format", "json")))
                .as(err::toString).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("attestationsCopied").asInt()).isEqualTo(3);
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), prod + "@" + manifest.digest(),
                "--require-provenance", "--require-sbom"))).as(out::toString).isEqualTo(ExitCodes.OK);
    }

    @Test
    void attestationOptionsAreCheckedBeforeAnythingIsPushed() throws Exception {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {1000}, 64);
        String target = REGISTRY.address() + "/cli/not-pushed:1";
        String source = "oci:" + layout + ":v1";
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--sign-key", privateKey.toString(),
                "--attest-provenance"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--attest-provenance needs --builder-id");
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--builder-id", "https://ci/")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--attest-sbom", "x.json")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("need --sign-key");
        Path notJson = Files.writeString(temp.resolve("bom.json"), "{\"bomFormat\": CycloneDX}");
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--sign-key", privateKey.toString(),
                "--attest-sbom", notJson.toString()))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("bom.json").contains("invalid JSON");
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--sign-key", privateKey.toString(),
                "--attest", "cyclonedx=" + temp.resolve("missing.json")))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("missing.json: cannot be read");
        assertThat(run(auth("push-image", "--source", source, "--target", target, "--sign-key", privateKey.toString(),
                "--attest", "no-type-here"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), REGISTRY.address() + "/a/b@sha256:" + "d".repeat(64),
                "--require-attestation", "not a uri"))).isEqualTo(ExitCodes.USAGE);
        assertThat(REGISTRY.client().getManifest("cli/not-pushed", "1")).isNull();
    }

    @Test
    void recursiveSigningSignsTheIndexAndEachPlatformManifestOnce() throws Exception {
        Path layout = temp.resolve("multi");
        ManifestDocument index = TestImages.multiPlatformLayout(layout, "v1", 65);
        String repo = REGISTRY.address() + "/cli/multi";
        String[] push = auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":1",
                "--sign-key", privateKey.toString(), "--recursive", "--format", "json");
        assertThat(run(push)).as(err::toString).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("platformSignatures")).hasSize(2);
        assertThat(run(push)).as(err::toString).isEqualTo(ExitCodes.OK);
        assertThat(run(auth("verify-image", "--key", publicKey.toString(), repo + "@" + index.digest()))).isEqualTo(ExitCodes.OK);
        for (io.jenkins.plugins.securepipeline.image.Descriptor platform : index.manifests()) {
            assertThat(run(auth("verify-image", "--key", publicKey.toString(), repo + "@" + platform.digest())))
                    .as(out::toString).isEqualTo(ExitCodes.OK);
            assertThat(REGISTRY.client().getManifest("cli/multi", platform.digest().signatureTag()).layers()).hasSize(1);
        }
        assertThat(REGISTRY.client().getManifest("cli/multi", index.digest().signatureTag()).layers()).hasSize(1);
        assertThat(run(auth("push-image", "--source", "oci:" + layout + ":v1", "--target", repo + ":2", "--recursive")))
                .isEqualTo(ExitCodes.USAGE);
    }
}
