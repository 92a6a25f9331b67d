package io.jenkins.plugins.securepipeline.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} binary to make test keys and to check our signatures independently. */
final class OpenSsl {
    private OpenSsl() {}

    /** Runs openssl in the directory; returns its exit code, failing the test if it hangs. */
    static int run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        if (process.exitValue() != 0 && !List.of(arguments).contains("-verify")) {
            throw new IOException("openssl " + command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }

    /** sec1.pem (EC PARAMETERS + EC PRIVATE KEY), pkcs8.pem, public.pem for one fresh key on the named curve. */
    static void makeKeys(Path directory, String curve) throws IOException, InterruptedException {
        run(directory, "ecparam", "-name", curve, "-genkey", "-out", "sec1.pem");
        run(directory, "pkcs8", "-topk8", "-nocrypt", "-in", "sec1.pem", "-out", "pkcs8.pem");
        run(directory, "ec", "-in", "sec1.pem", "-pubout", "-out", "public.pem");
    }
}
