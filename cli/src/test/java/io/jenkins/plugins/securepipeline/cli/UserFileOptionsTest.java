package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every option that names a file, given a FIFO (which would block forever) or {@code /dev/zero} (which would fill the
 * heap): the command ends at once with exit 3 and one line naming the option, the path and what it is.
 */
class UserFileOptionsTest {
    private static final String DIGEST = "sha256:" + "0".repeat(64);

    @TempDir
    static Path dir;

    private StringWriter out;
    private StringWriter err;

    /**
     * One row per option. {@code FILE} stands for the hostile path. Nothing here reaches a network: every file is
     * read before the first call (127.0.0.1:9 would refuse it anyway).
     */
    static Stream<Arguments> options() {
        return Stream.of(
                row("--sign-key", "hash", "--base", "DIR", "--format", "json", "--sign-key", "FILE", "a.txt"),
                row("--checksums", "verify-hash", "--checksums", "FILE"),
                row("--public-key", "verify-hash", "--checksums", "SIGNED", "--public-key", "FILE"),
                row("calendar", "gate-window", "--calendar", "FILE"),
                row("--policy", "scan-template", "--policy", "FILE", "template.json"),
                row("--parameters", "scan-template", "--parameters", "FILE", "template.json"),
                row("--baseline", "scan-template", "--baseline", "FILE", "template.json"),
                row("FILE", "scan-template", "FILE"),
                row("--policy-file", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/r", "--region",
                        "eu-west-1", "--policy-file", "FILE"),
                row("--web-identity-token-file", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/r",
                        "--region", "eu-west-1", "--web-identity-token-file", "FILE"),
                row("--certificate", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/r", "--region",
                        "eu-west-1", "--certificate", "FILE", "--private-key", "FILE", "--trust-anchor-arn",
                        "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/a", "--profile-arn",
                        "arn:aws:rolesanywhere:eu-west-1:123456789012:profile/p"),
                row("--source", "push-image", "--source", "oci-archive:FILE", "--target", "127.0.0.1:9/a/b:1", "--insecure-http"),
                row("--source", "push-image", "--source", "docker-archive:FILE", "--target", "127.0.0.1:9/a/b:1", "--insecure-http"),
                row("--sign-key", "push-image", "--source", "oci:LAYOUT", "--target", "127.0.0.1:9/a/b:1", "--insecure-http",
                        "--sign-key", "FILE"),
                row("--key-password-file", "push-image", "--source", "oci:LAYOUT", "--target", "127.0.0.1:9/a/b:1",
                        "--insecure-http", "--sign-key", "KEY", "--key-password-file", "FILE"),
                row("--registry-password-file", "push-image", "--source", "oci:LAYOUT", "--target", "127.0.0.1:9/a/b:1",
                        "--insecure-http", "--registry-username", "u", "--registry-password-file", "FILE"),
                row("--key", "verify-image", "--key", "FILE", "127.0.0.1:9/a/b@" + DIGEST, "--insecure-http"),
                row("--registry-password-file", "copy-image", "--source", "127.0.0.1:9/a/b@" + DIGEST, "--target",
                        "127.0.0.1:9/a/c:1", "--insecure-http", "--registry-username", "u", "--registry-password-file", "FILE"));
    }

    private static Arguments row(String option, String... args) {
        return Arguments.of(option, List.of(args));
    }

    @BeforeEach
    void inputs() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("template.json"), "{\"Resources\": {}}");
        Files.createDirectories(dir.resolve("layout"));
        if (!Files.exists(dir.resolve("signed.json"))) {
            Path key = dir.resolve("key.pem");
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder()
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            assertThat(run(List.of("hash", "--base", dir.toString(), "--format", "json", "--sign-key", key.toString(),
                    "a.txt"), null)).as(() -> err.toString()).isZero();
            Files.writeString(dir.resolve("signed.json"), out.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("options")
    void aFifoEndsTheCommandAtOnce(String option, List<String> args) throws Exception {
        Path fifo = dir.resolve("input.pipe");
        if (!Files.exists(fifo)) {
            assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        }
        refused(option, args, fifo, "is a FIFO (named pipe), not a regular file");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("options")
    void devZeroEndsTheCommandAtOnce(String option, List<String> args) {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        refused(option, args, zero, "is a device, not a regular file");
    }

    private void refused(String option, List<String> args, Path file, String problem) {
        List<String> concrete = new ArrayList<>();
        for (String arg : args) {
            concrete.add(arg.replace("FILE", file.toString()).replace("SIGNED", dir.resolve("signed.json").toString())
                    .replace("LAYOUT", dir.resolve("layout").toString()).replace("KEY", dir.resolve("key.pem").toString())
                    .replace("DIR", dir.toString())
                    .replace("template.json", dir.resolve("template.json").toString()));
        }
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(concrete, Map.of()));
        String named = option.equals("FILE") ? file.toString() : option;
        assertThat(err.toString()).as("stderr").contains(named).contains(file + ": " + problem)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(exit).as(err::toString).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    private int run(List<String> args, Map<String, String> environment) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = environment == null ? SecurePipelineCommand.newCommandLine()
                : SecurePipelineCommand.newCommandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args.toArray(String[]::new));
    }
}
