package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI contract of {@code hash} and {@code verify-hash}: options, output and exit codes 0/1/2/3. */
class HashCommandsTest {
    @TempDir
    Path dir;

    private Path artifacts;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void artifacts() throws Exception {
        artifacts = Files.createDirectories(dir.resolve("workspace"));
        Files.createDirectories(artifacts.resolve("target/lib"));
        Files.writeString(artifacts.resolve("target/app.jar"), "the application");
        Files.writeString(artifacts.resolve("target/lib/dep 1.jar"), "a dependency");
        Files.writeString(artifacts.resolve("target/notes.txt"), "notes");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    private Path hashTo(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("hash", "--base", artifacts.toString()));
        all.addAll(List.of(args));
        assertThat(run(all.toArray(String[]::new))).as(err.toString()).isEqualTo(ExitCodes.OK);
        return Files.writeString(dir.resolve(name), out.toString());
    }

    @Test
    void hashPrintsSha256sumLinesForGlobsAndTrees() throws Exception {
        assertThat(run("hash", "--base", artifacts.toString(), "**/*.jar")).isZero();
        assertThat(out.toString()).isEqualTo(
                sha256("the application") + "  target/app.jar\n" + sha256("a dependency") + "  target/lib/dep 1.jar\n");
        assertThat(run("hash", "--base", artifacts.toString(), "--format", "bsd", "--algorithm", "sha512", "target/notes.txt")).isZero();
        assertThat(out.toString()).startsWith("SHA512 (target/notes.txt) = ").hasSize("SHA512 (target/notes.txt) = ".length() + 129);
    }

    @Test
    void everyFormatRoundTripsThroughVerifyHash() throws Exception {
        for (String format : List.of("gnu", "bsd", "json")) {
            Path sums = hashTo("sums." + format, "--format", format, "target");
            assertThat(run("verify-hash", "--checksums", sums.toString(), "--base", artifacts.toString(), "--exact")).as(format + err)
                    .isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("MATCH       target/lib/dep 1.jar").endsWith("PASSED: 3 files: 3 MATCH\n");
        }
    }

    @Test
    void everyProblemIsReportedAndExitsOne() throws Exception {
        Path sums = hashTo("sums.json", "--format", "json", "target");
        Files.writeString(artifacts.resolve("target/app.jar"), "the application, patched");
        Files.delete(artifacts.resolve("target/notes.txt"));
        Files.writeString(artifacts.resolve("target/extra.sh"), "curl | sh");
        assertThat(run("verify-hash", "--checksums", sums.toString(), "--base", artifacts.toString(), "--exact", "--format", "json"))
                .isEqualTo(ExitCodes.BLOCKED);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("result").asText()).isEqualTo("BLOCKED");
        assertThat(report.path("files")).extracting(f -> f.path("path").asText() + "=" + f.path("status").asText())
                .containsExactly("target/app.jar=MISMATCH", "target/lib/dep 1.jar=MATCH", "target/notes.txt=MISSING", "target/extra.sh=UNEXPECTED");
        JsonNode mismatch = report.path("files").get(0);
        assertThat(mismatch.path("expected").asText()).isEqualTo("sha256:" + sha256("the application"));
        assertThat(mismatch.path("actual").asText()).isEqualTo("sha256:" + sha256("the application, patched"));
        assertThat(mismatch.path("detail").asText()).isEqualTo("size 24 bytes, expected 15");

        assertThat(run("verify-hash", "--checksums", sums.toString(), "--base", artifacts.toString())).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("MISMATCH    target/app.jar  expected sha256:").contains("MISSING     target/notes.txt")
                .endsWith("BLOCKED: 3 files: 1 MATCH, 1 MISMATCH, 1 MISSING\n");
    }

    @Test
    void aChecksumFileInsideTheBaseIsNotItselfUnexpected() throws Exception {
        Path inside = Files.copy(hashTo("sums", "."), artifacts.resolve("SHA256SUMS"));
        assertThat(run("verify-hash", "--checksums", inside.toString(), "--base", artifacts.toString(), "--exact"))
                .as(out.toString()).isEqualTo(ExitCodes.OK);
        Files.writeString(artifacts.resolve("target/dropped-in.jar"), "x");
        assertThat(run("verify-hash", "--checksums", inside.toString(), "--base", artifacts.toString(), "--exact"))
                .isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("UNEXPECTED  target/dropped-in.jar").doesNotContain("UNEXPECTED  SHA256SUMS");
    }

    @Test
    void expectedDigestForOneFile() throws Exception {
        String good = "sha256:" + sha256("the application");
        assertThat(run("verify-hash", "--expected", good, "--base", artifacts.toString(), "target/app.jar")).isEqualTo(ExitCodes.OK);
        assertThat(run("verify-hash", "--expected", "sha256:" + sha256("other"), "--base", artifacts.toString(), "target/app.jar"))
                .isEqualTo(ExitCodes.BLOCKED);
        assertThat(run("verify-hash", "--expected", good, "--base", artifacts.toString(), "target/none.jar")).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).startsWith("MISSING     target/none.jar");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String good = "sha256:" + sha256("x");
        assertThat(run("verify-hash")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give either --checksums FILE or --expected ALGO:HEX PATH");
        assertThat(run("verify-hash", "--expected", good)).isEqualTo(ExitCodes.USAGE);
        assertThat(run("verify-hash", "--expected", good, "--checksums", "x", "p")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("verify-hash", "--expected", good, "--exact", "p")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("verify-hash", "--expected", "md5:900150983cd24fb0d6963f7d28e17f72", "p")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unsupported digest algorithm 'md5'");
        assertThat(run("verify-hash", "--expected", good, "--base", artifacts.toString(), "../outside")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("hash", "--algorithm", "md5", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("hash", "--format", "bsd", "--sign-key", "k.pem", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("hash")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("hash", "--base", artifacts.toString(), "../etc")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreadableInputsExitThreeAndHashPrintsNothingPartial() throws Exception {
        assertThat(run("hash", "--base", artifacts.toString(), "target/app.jar", "target/gone.jar")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("target/gone.jar: no such file or directory");
        Files.write(dir.resolve("binary.sum"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        assertThat(run("verify-hash", "--checksums", dir.resolve("binary.sum").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("binary.sum line 1: contains a NUL byte");
        assertThat(run("verify-hash", "--checksums", dir.resolve("absent.sum").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void signedManifestVerifiesWithItsKeyAndAnythingElseExitsThree() throws Exception {
        Path privateKey = dir.resolve("signing.pem");
        Path publicKey = dir.resolve("signing.pub");
        Path otherPublicKey = dir.resolve("other.pub");
        writeKeyPair(privateKey, publicKey);
        writeKeyPair(dir.resolve("other.pem"), otherPublicKey);

        Path manifest = hashTo("manifest.json", "--format", "json", "--sign-key", privateKey.toString(), "target");
        assertThat(Files.readString(manifest)).contains("\"signature\": {\"algorithm\": \"ecdsa-p256-sha256\"")
                .doesNotContain(Files.readString(privateKey).lines().skip(1).findFirst().orElseThrow());
        assertThat(run("verify-hash", "--checksums", manifest.toString(), "--base", artifacts.toString(), "--public-key", publicKey.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("signature: verified (key sha256:");

        assertThat(run("verify-hash", "--checksums", manifest.toString(), "--base", artifacts.toString(), "--public-key", otherPublicKey.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("signature does not verify");
        assertThat(out.toString()).isEmpty();

        // Re-pointing the manifest at a different build output must break the signature, not just the digests.
        Path tampered = Files.writeString(dir.resolve("tampered.json"),
                Files.readString(manifest).replace(sha256("the application"), sha256("evil")));
        assertThat(run("verify-hash", "--checksums", tampered.toString(), "--base", artifacts.toString(), "--public-key", publicKey.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);

        Path gnu = hashTo("sums.gnu", "target");
        assertThat(run("verify-hash", "--checksums", gnu.toString(), "--base", artifacts.toString(), "--public-key", publicKey.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("needs a signed JSON manifest");

        Path unsigned = hashTo("unsigned.json", "--format", "json", "target");
        assertThat(run("verify-hash", "--checksums", unsigned.toString(), "--base", artifacts.toString(), "--public-key", publicKey.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("manifest is not signed");
    }

    @Test
    void kmsKeysAreUsedThroughTheGivenClientAndItsFailuresAreReportedNotHidden() throws Exception {
        // A KMS endpoint on 127.0.0.1 that refuses connections: the real SDK client fails, the commands say so.
        java.net.ServerSocket reserved = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        int port = reserved.getLocalPort();
        reserved.close();
        KmsClientSource unreachable = () -> software.amazon.awssdk.services.kms.KmsClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + port))
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDTEST", "test-secret-not-real")))
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .apiCallTimeout(java.time.Duration.ofSeconds(20)))
                .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create())
                .build();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == HashCommand.class) {
                    return type.cast(new HashCommand(unreachable));
                }
                if (type == VerifyHashCommand.class) {
                    return type.cast(new VerifyHashCommand(unreachable));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter kmsOut = new StringWriter();
        StringWriter kmsErr = new StringWriter();
        CommandLine cli = SecurePipelineCommand.withAllSubcommands(new CommandLine(new SecurePipelineCommand(), factory));
        cli.setOut(new PrintWriter(kmsOut, true));
        cli.setErr(new PrintWriter(kmsErr, true));

        int signed = cli.execute("hash", "--base", artifacts.toString(), "--format", "json", "--sign-key", "awskms:///alias/release", "target");
        assertThat(signed).isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
        assertThat(kmsErr.toString()).contains("cannot reach AWS KMS to sign with awskms:///alias/release").doesNotContain("test-secret-not-real");
        assertThat(kmsOut.toString()).isEmpty();

        Path manifest = hashTo("manifest.json", "--format", "json", "target");
        kmsErr.getBuffer().setLength(0);
        int verified = cli.execute("verify-hash", "--checksums", manifest.toString(), "--base", artifacts.toString(),
                "--public-key", "awskms:///alias/release");
        assertThat(verified).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(kmsErr.toString()).contains("cannot get the public key of awskms:///alias/release");

        assertThat(cli.execute("hash", "--format", "json", "--sign-key", "awskms://localhost:4566/alias/x", "target"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aSignatureNobodyChecksIsSaidAndRequireSignatureMakesItAnError() throws Exception {
        Path privateKey = dir.resolve("signing.pem");
        Path publicKey = dir.resolve("signing.pub");
        writeKeyPair(privateKey, publicKey);
        Path signed = hashTo("signed.json", "--format", "json", "--sign-key", privateKey.toString(), "target");
        Path unsigned = hashTo("unsigned.json", "--format", "json", "target");
        Path gnu = hashTo("sums.gnu", "target");
        String base = artifacts.toString();

        assertThat(run("verify-hash", "--checksums", signed.toString(), "--base", base)).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("warning: " + signed + " is signed, but no --public-key was given: the "
                + "signature was not checked");
        assertThat(run("verify-hash", "--checksums", signed.toString(), "--base", base, "--require-signature"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--require-signature: " + signed + " is signed, but without --public-key");
        assertThat(out.toString()).isEmpty();
        assertThat(run("verify-hash", "--checksums", unsigned.toString(), "--base", base, "--require-signature"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--require-signature: " + unsigned + " is not signed");
        assertThat(run("verify-hash", "--checksums", gnu.toString(), "--base", base, "--require-signature"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("a coreutils checksum file cannot be");
        assertThat(run("verify-hash", "--checksums", signed.toString(), "--base", base, "--require-signature",
                "--public-key", publicKey.toString())).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void hashSignsWithTheCosignEncryptedKeysPushImageTakes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path key = Files.writeString(dir.resolve("cosign.key"), io.jenkins.plugins.securepipeline.signing.cosign.CosignTestKeys
                .encryptedPem((java.security.interfaces.ECPrivateKey) pair.getPrivate(), "correct horse"));
        Path publicKey = Files.writeString(dir.resolve("cosign.pub"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path password = Files.writeString(dir.resolve("password"), "correct horse\n");
        Path manifest = hashTo("manifest.json", "--format", "json", "--sign-key", key.toString(), "--key-password-file",
                password.toString(), "target");
        assertThat(run("verify-hash", "--checksums", manifest.toString(), "--base", artifacts.toString(), "--public-key",
                publicKey.toString())).as(err::toString).isEqualTo(ExitCodes.OK);

        assertThat(run("hash", "--base", artifacts.toString(), "--format", "json", "--sign-key", key.toString(), "target"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--sign-key: ").contains("give its passphrase with --key-password-file");
        Path wrong = Files.writeString(dir.resolve("wrong"), "wrong horse\n");
        assertThat(run("hash", "--base", artifacts.toString(), "--format", "json", "--sign-key", key.toString(),
                "--key-password-file", wrong.toString(), "target")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).doesNotContain("wrong horse").doesNotContain("Exception");
    }

    @Test
    void everyHashErrorNamesItsOperand() throws Exception {
        Path fifo = artifacts.resolve("target/input.pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Files.createSymbolicLink(artifacts.resolve("link.jar"), artifacts.resolve("target/app.jar"));
        assertThat(run("hash", "--base", artifacts.toString(), "target/app.jar", "target/input.pipe")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("secure-pipeline hash: target/input.pipe: is a FIFO (named pipe), not a regular file\n");
        assertThat(run("hash", "--base", artifacts.toString(), "link.jar")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("secure-pipeline hash: link.jar: is or passes through a symbolic link");
        assertThat(run("hash", "--base", artifacts.toString(), "target/nothing-*.jar")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("secure-pipeline hash: target/nothing-*.jar: no file matches this pattern");
        // In a directory walk a FIFO is no artifact: passed over, as sha256sum users expect of "hash target".
        assertThat(run("hash", "--base", artifacts.toString(), "target")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aChecksumFileIsNeverItsOwnEntry() throws Exception {
        // "hash . > SHA256SUMS": the shell has created the (empty) output file before hash lists the directory.
        Path output = Files.createFile(artifacts.resolve("SHA256SUMS"));
        out = new StringWriter();
        err = new StringWriter();
        CommandLine hash = new CommandLine(new HashCommand(() -> { throw new AssertionError("no KMS"); }, () -> output));
        hash.setOut(new PrintWriter(out, true));
        hash.setErr(new PrintWriter(err, true));
        assertThat(hash.execute("--base", artifacts.toString(), ".")).isZero();
        assertThat(out.toString()).doesNotContain("SHA256SUMS").contains("target/app.jar");
        assertThat(err.toString()).contains("skipped SHA256SUMS (this command's output)");
        Files.writeString(output, out.toString());
        assertThat(run("verify-hash", "--checksums", output.toString(), "--base", artifacts.toString(), "--exact"))
                .as(err::toString).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).doesNotContain("UNEXPECTED");

        // A checksum file written before this rule lists itself with the digest of an empty file: not a mismatch.
        Files.writeString(output, sha256("") + "  SHA256SUMS\n" + Files.readString(output));
        assertThat(run("verify-hash", "--checksums", output.toString(), "--base", artifacts.toString(), "--exact"))
                .as(out::toString).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("lists itself; that entry is not checked");
    }

    private static void writeKeyPair(Path privateKey, Path publicKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + pem.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
