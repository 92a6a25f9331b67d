package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code secure-pipeline} process (main method, its own stdout encoding) against the real coreutils: what
 * {@code hash} prints passes {@code sha256sum -c}, and what {@code sha256sum} prints passes {@code verify-hash}.
 */
class WholeProcessInteropTest {
    private static final List<String> NAMES = List.of(
            "plain.jar", "with space.tar.gz", "ünïcødé-名前.bin", "new\nline", "back\\slash", "*leading-star", "cr\rname");

    @TempDir
    Path dir;

    private record Result(int exitCode, byte[] stdout, String stderr) {}

    private Result run(Path workingDirectory, byte[] stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
        errReader.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        errReader.join();
        return new Result(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] secureP(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecurePipelineCommand.class.getName()));
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    @Test
    void hashOutputPassesSha256sumCheckAndSha256sumOutputPassesVerifyHash() throws Exception {
        Path base = Files.createDirectories(dir.resolve("artifacts"));
        Random random = new Random();
        for (String name : NAMES) {
            byte[] content = new byte[random.nextInt(100_000)];
            random.nextBytes(content);
            Files.write(base.resolve(name), content);
        }

        Result hashed = run(base, new byte[0], secureP("hash", "."));
        assertThat(hashed.exitCode()).as(hashed.stderr()).isZero();
        Path ours = Files.write(dir.resolve("ours.sha256"), hashed.stdout());
        Result check = run(base, new byte[0], "sha256sum", "--strict", "-c", ours.toString());
        assertThat(check.exitCode()).as(new String(check.stdout(), StandardCharsets.UTF_8) + check.stderr()).isZero();

        List<String> sha256sum = new ArrayList<>(List.of("sha256sum", "--"));
        sha256sum.addAll(NAMES);
        Path theirs = Files.write(dir.resolve("theirs.sha256"), run(base, new byte[0], sha256sum.toArray(String[]::new)).stdout());
        Result verified = run(base, new byte[0], secureP("verify-hash", "--checksums", theirs.toString(), "--exact"));
        assertThat(verified.exitCode()).as(new String(verified.stdout(), StandardCharsets.UTF_8) + verified.stderr()).isZero();
        assertThat(new String(verified.stdout(), StandardCharsets.UTF_8)).contains("MATCH       ünïcødé-名前.bin")
                .contains("MATCH       new\\nline").endsWith("PASSED: 7 files: 7 MATCH\n");

        Files.write(base.resolve("back\\slash"), new byte[] {42});
        Result tampered = run(base, new byte[0], secureP("verify-hash", "--checksums", theirs.toString()));
        assertThat(tampered.exitCode()).isEqualTo(ExitCodes.BLOCKED);
        assertThat(new String(tampered.stdout(), StandardCharsets.UTF_8)).contains("MISMATCH    back\\\\slash");
    }

    @Test
    void aCredentialProcessProfileThatRunsAssumeRoleAgainStops() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessHandle.current().info().arguments().isPresent(),
                "the system tells command lines of processes");
        String[] assumeRole = secureP("assume-role", "--role-arn", "arn:aws:iam::123456789012:role/loop", "--region",
                "eu-west-1", "--format", "credential-process", "--timeout", "20s");
        StringBuilder command = new StringBuilder();
        for (String part : assumeRole) {
            command.append(command.length() == 0 ? "" : " ").append("'").append(part.replace("'", "'\\''")).append("'");
        }
        Path config = Files.writeString(dir.resolve("config"), "[profile loop]\nregion = eu-west-1\ncredential_process = "
                + command + "\n");
        ProcessBuilder builder = new ProcessBuilder(assumeRole).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_CONFIG_FILE", config.toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        builder.environment().put("AWS_PROFILE", "loop");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        // Should the check ever fail, each level starts another JVM: end the whole tree long before that hurts.
        Thread guard = new Thread(() -> {
            while (process.isAlive()) {
                if (process.descendants().count() > 12) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        guard.setDaemon(true);
        guard.start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            // The nested run stops itself; the outer one then has no credentials and says so. Nothing is printed.
            assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.STS_REFUSED);
            assertThat(out).isEmpty();
            assertThat(err).contains("no AWS credentials were found");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void outOfMemoryIsOneLineAndExitSixNeverAStackTrace() throws Exception {
        StringBuilder template = new StringBuilder("Resources:\n");
        for (int i = 0; i < 60_000; i++) {
            template.append("  R").append(i).append(":\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: n")
                    .append(i).append("\n      Tags: [{Key: a, Value: b}]\n");
        }
        Path big = Files.writeString(dir.resolve("big.yaml"), template);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SecurePipelineCommand.class.getName(), "scan-template", big.toString()));
        Result result = run(dir, new byte[0], command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(result.stderr()).startsWith("secure-pipeline: out of memory (heap limit ")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.stderr().strip()).doesNotContain("\n");
    }
}
