package io.jenkins.plugins.securepipeline.image.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CNCF distribution registry (Debian package {@code docker-registry}) on 127.0.0.1, a free port, a temporary
 * storage directory and htpasswd (bcrypt) auth; started before the test class and stopped after it.
 * A missing binary fails the tests: these are the tests that prove pushes work against a real registry.
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback {
    public static final String BINARY = "/usr/bin/docker-registry";
    public static final String USER = "pipeline";
    /** Test-only password for the throwaway registry. */
    static final String PASSWORD = "registry-test-password-" + Long.toHexString(new SecureRandom().nextLong());

    private Path directory;
    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package with "
                    + "'apt-get install -y docker-registry' (.ci/run does this) to run the registry integration tests");
        }
        directory = Files.createTempDirectory("local-registry");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2a", PASSWORD.toCharArray(), salt, 4);
        Files.writeString(directory.resolve("htpasswd"), USER + ":" + hash + "\n");
        port = freePort();
        String config = String.join("\n",
                "version: 0.1",
                "log:",
                "  level: warn",
                "  accesslog:",
                "    disabled: true",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + directory.resolve("data"),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:" + port,
                "  secret: local-test-secret",
                "auth:",
                "  htpasswd:",
                "    realm: local-test",
                "    path: " + directory.resolve("htpasswd"),
                "");
        Files.writeString(directory.resolve("config.yml"), config);
        process = new ProcessBuilder(BINARY, "serve", directory.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        waitUntilUp();
    }

    private void waitUntilUp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited at start: " + log());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not start within 15 s: " + log());
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("registry.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** {@code 127.0.0.1:PORT} */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public RegistryCredentials credentials() {
        return new RegistryCredentials(USER, PASSWORD.toCharArray());
    }

    /** The Authorization header value for tests that speak HTTP to the registry themselves. */
    public String basicAuthorizationHeader() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the password into a file, as a user would for --registry-password-file. */
    public Path writePasswordFile(Path file) throws IOException {
        return Files.writeString(file, PASSWORD + "\n");
    }

    public RegistryClient client() {
        return new RegistryClient(address(), true, credentials(), RegistryClient.newHttpClient(), 3, Duration.ofMillis(50));
    }

    public Path storage() {
        return directory.resolve("data");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
