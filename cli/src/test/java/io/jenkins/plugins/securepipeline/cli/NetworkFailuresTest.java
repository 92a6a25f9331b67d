package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.net.HostileServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Servers that accept and never answer, trickle bytes, refuse, do not exist or speak plain HTTP to a TLS client: every
 * command ends within its --timeout with one line naming host and port, never a Java class name.
 */
class NetworkFailuresTest {
    private static final String DIGEST = "sha256:" + "0".repeat(64);
    /**
     * The servers would hold a command forever; any bound proves the deadline (the AWS SDK starts slowly on a busy
     * machine, so the bound is generous).
     */
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(Map<String, String> environment, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = environment == null ? SecurePipelineCommand.newCommandLine()
                : SecurePipelineCommand.newCommandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return assertTimeoutPreemptively(QUICKLY, () -> cli.execute(args));
    }

    private void oneLineWithoutJava() {
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRegistryThatNeverAnswersEndsAtTheTimeout() throws Exception {
        try (HostileServer silent = HostileServer.start(HostileServer.Behaviour.SILENT)) {
            assertThat(run(null, "verify-image", "--key", key().toString(), silent.address() + "/a/b@" + DIGEST,
                    "--insecure-http", "--timeout", "1s")).isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
            assertThat(err.toString()).startsWith("verify-image: " + silent.address() + " did not answer within 1s")
                    .contains("a slow registry may need a longer --timeout");
            oneLineWithoutJava();
        }
    }

    @Test
    void refusedConnectionsAndUnknownHostsNameHostAndPort() throws Exception {
        Path layout = dir.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {100}, 7);
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertThat(run(null, "push-image", "--source", "oci:" + layout + ":v1", "--target", "127.0.0.1:" + port + "/a/b:1",
                "--insecure-http", "--timeout", "2s")).isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
        assertThat(err.toString()).contains("push-image: cannot connect to 127.0.0.1:" + port + ": connection refused");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("0.0 MB");

        assertThat(run(null, "push-image", "--source", "oci:" + layout + ":v1", "--target", "no-such-host.invalid/a/b:1",
                "--timeout", "5s")).isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
        assertThat(err.toString()).contains("cannot connect to no-such-host.invalid:443: unknown host");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void tlsToAPlainHttpRegistrySuggestsInsecureHttp() throws Exception {
        try (HostileServer plain = HostileServer.start(HostileServer.Behaviour.PLAIN_HTTP)) {
            assertThat(run(null, "verify-image", "--key", key().toString(), plain.address() + "/a/b@" + DIGEST,
                    "--timeout", "5s")).isEqualTo(ExitCodes.REGISTRY_OR_SIGNING_FAILURE);
            assertThat(err.toString()).startsWith("verify-image: " + plain.address() + " answered in plain HTTP, not HTTPS")
                    .contains("add --insecure-http").doesNotContain("Unrecognized SSL message");
            oneLineWithoutJava();
        }
    }

    @Test
    void aCalendarUrlThatTricklesClosesTheGateAtTheTimeout() throws Exception {
        try (HostileServer trickle = HostileServer.start(HostileServer.Behaviour.TRICKLE)) {
            Path calendar = Files.writeString(dir.resolve("calendar.yaml"), "timeZone: UTC\nwindows:\n  - name: holidays\n"
                    + "    kind: deny\n    ics: \"http://" + trickle.address() + "/holidays.ics\"\n");
            assertThat(run(null, "gate-window", "--calendar", calendar.toString(), "--timeout", "1s"))
                    .isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.toString()).contains(trickle.address() + " did not send the whole answer within 1s");
            assertThat(out.toString()).startsWith("CLOSED");
        }
    }

    @Test
    void anStsThatNeverAnswersEndsAtTheTimeout() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGkifQ.c2lnbmF0dXJl");
        try (HostileServer silent = HostileServer.start(HostileServer.Behaviour.SILENT)) {
            assertThat(run(Map.of("AWS_ENDPOINT_URL_STS", "http://" + silent.address()), "assume-role", "--role-arn",
                    "arn:aws:iam::123456789012:role/r", "--region", "eu-west-1", "--web-identity-token-file",
                    token.toString(), "--timeout", "1s")).isEqualTo(ExitCodes.STS_REFUSED);
            assertThat(err.toString()).contains("STS did not answer in time").doesNotContain("\tat ");
        }
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        assertThat(run(null, "gate-window", "--calendar", "c.yaml", "--timeout", "soon")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration such as 30s, 2m or 500ms");
    }

    private Path key() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return Files.writeString(dir.resolve("key.pub"), "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }
}
