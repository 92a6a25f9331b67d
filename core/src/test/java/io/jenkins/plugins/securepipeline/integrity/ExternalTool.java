package io.jenkins.plugins.securepipeline.integrity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real external program (coreutils) for interop tests, capturing stdout as bytes. */
final class ExternalTool {
    private ExternalTool() {}

    record Result(int exitCode, byte[] stdout, String stderr) {}

    static final class Builder {
        private final ProcessBuilder builder;

        Builder(Path directory, String... command) {
            builder = new ProcessBuilder(List.of(command)).directory(directory.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
        }

        Result run() throws IOException, InterruptedException {
            Process process = builder.start();
            process.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + builder.command());
            }
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
    }
}
