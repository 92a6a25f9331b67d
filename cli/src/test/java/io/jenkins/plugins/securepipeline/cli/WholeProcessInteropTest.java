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
}
