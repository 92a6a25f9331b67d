package io.jenkins.plugins.securepipeline.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.MediaTypes;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry that lies or misbehaves must produce a clear error, never a push we believe in. */
class HostileRegistryTest {
    private HttpServer server;
    private volatile Handler handler;
    private final AtomicInteger requests = new AtomicInteger();

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RegistryClient client() {
        return new RegistryClient("127.0.0.1:" + server.getAddress().getPort(), true, null,
                RegistryClient.newHttpClient(), 2, Duration.ofMillis(10));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] manifestBytes() {
        Descriptor config = new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(new byte[] {1}), 1);
        return TestImages.manifest(config, List.of());
    }

    @Test
    void aManifestWhoseDigestDiffersFromTheOneAskedForIsRefused() {
        byte[] bytes = manifestBytes();
        handler = exchange -> reply(exchange, 200, MediaTypes.OCI_MANIFEST, bytes);
        String asked = "sha256:" + "b".repeat(64);
        assertThatThrownBy(() -> client().getManifest("a/b", asked))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered a/b@" + asked)
                .hasMessageContaining(Digest.of(bytes).toString());
    }

    @Test
    void aHugeManifestIsRefusedWithoutReadingItAll() {
        byte[] huge = new byte[ManifestDocument.MAX_BYTES + 100];
        handler = exchange -> reply(exchange, 200, MediaTypes.OCI_MANIFEST, huge);
        assertThatThrownBy(() -> client().getManifest("a/b", "latest"))
                .hasMessageContaining("over the 4194304 byte limit");
    }

    @Test
    void badJsonIsAClearError() {
        handler = exchange -> reply(exchange, 200, MediaTypes.OCI_MANIFEST, "{\"schemaVersion\":2,".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client().getManifest("a/b", "latest"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("manifest a/b:latest")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void anUploadLocationOnAnotherHostIsRefused() {
        handler = exchange -> {
            exchange.getResponseHeaders().set("Location", "http://evil.example:1/upload?x=1");
            reply(exchange, 202, null, new byte[0]);
        };
        Descriptor blob = new Descriptor("application/octet-stream", Digest.of(new byte[] {7}), 1);
        assertThatThrownBy(() -> client().uploadBlob("a/b", blob, counter -> new java.io.ByteArrayInputStream(new byte[] {7}), PushProgress.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("another origin (http://evil.example:1)");
    }

    @Test
    void anUnparsableLocationIsRefused() {
        handler = exchange -> {
            exchange.getResponseHeaders().set("Location", "http://[::bad");
            reply(exchange, 202, null, new byte[0]);
        };
        Descriptor blob = new Descriptor("application/octet-stream", Digest.of(new byte[] {7}), 1);
        assertThatThrownBy(() -> client().uploadBlob("a/b", blob, counter -> new java.io.ByteArrayInputStream(new byte[] {7}), PushProgress.NONE))
                .hasMessageContaining("invalid Location header");
    }

    @Test
    void aRegistryClaimingAnotherDigestForOurManifestIsRefused() throws Exception {
        handler = exchange -> {
            exchange.getResponseHeaders().set("Docker-Content-Digest", "sha256:" + "c".repeat(64));
            reply(exchange, 201, null, new byte[0]);
        };
        ManifestDocument manifest = ManifestDocument.parse(manifestBytes(), null, "test");
        assertThatThrownBy(() -> client().putManifest("a/b", "1", manifest))
                .hasMessageContaining("registry says the digest is sha256:" + "c".repeat(64));
    }

    @Test
    void redirectLoopsEnd() {
        handler = exchange -> {
            exchange.getResponseHeaders().set("Location", "/v2/a/b/manifests/latest");
            reply(exchange, 302, null, new byte[0]);
        };
        assertThatThrownBy(() -> client().getManifest("a/b", "latest")).hasMessageContaining("more than 5 redirects");
    }

    @Test
    void aBlobOfTheWrongSizeOrContentIsRefused() throws Exception {
        byte[] content = "real content".getBytes(StandardCharsets.UTF_8);
        Descriptor blob = new Descriptor("application/octet-stream", Digest.of(content), content.length);
        handler = exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", "999");
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            reply(exchange, 200, "application/octet-stream", "fake content".getBytes(StandardCharsets.UTF_8));
        };
        assertThatThrownBy(() -> client().blobExists("a/b", blob)).hasMessageContaining("reports 999 bytes");
        assertThatThrownBy(() -> {
            try (InputStream in = client().openBlob("a/b", blob)) {
                in.readAllBytes();
            }
        }).hasMessageContaining("its descriptor says " + blob.digest());
    }

    @Test
    void serverErrorsAreRetriedThenReportedWithTheRegistrysMessage() {
        handler = exchange -> reply(exchange, 503, "application/json",
                "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client().getManifest("a/b", "latest"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 503: UNAVAILABLE: try later");
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aConnectionDroppedMidUploadRestartsTheBlobFromItsFirstByte() throws Exception {
        byte[] content = TestImages.randomBytes(3 * 1024 * 1024, 5);
        Descriptor blob = new Descriptor("application/octet-stream", Digest.of(content), content.length);
        AtomicInteger patches = new AtomicInteger();
        java.util.List<Long> receivedLengths = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The stub reads request bodies itself here, so the shared handler's drain is bypassed for PATCH.
        server.removeContext("/");
        server.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (method.equals("POST")) {
                    exchange.getResponseHeaders().set("Location", "/v2/a/b/blobs/uploads/session?state=x");
                    reply(exchange, 202, null, new byte[0]);
                } else if (method.equals("PATCH")) {
                    if (patches.incrementAndGet() == 1) {
                        exchange.getRequestBody().readNBytes(64 * 1024);
                        // Drop the connection without an answer, as a reset or a load balancer timeout would.
                        return;
                    }
                    receivedLengths.add((long) exchange.getRequestBody().readAllBytes().length);
                    exchange.getResponseHeaders().set("Location", "/v2/a/b/blobs/uploads/session?state=y");
                    reply(exchange, 202, null, new byte[0]);
                } else if (method.equals("PUT")) {
                    exchange.getResponseHeaders().set("Docker-Content-Digest", blob.digest().toString());
                    reply(exchange, 201, null, new byte[0]);
                } else {
                    reply(exchange, 405, null, new byte[0]);
                }
            }
        });
        java.util.List<Long> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();
        client().uploadBlob("a/b", blob, counter -> new io.jenkins.plugins.securepipeline.image.VerifyingInputStream(
                new java.io.ByteArrayInputStream(content), blob, "test", counter), (digest, sent, total) -> {
                    if (sent == 0) {
                        restarts.add(sent);
                    }
                });
        assertThat(patches.get()).isEqualTo(2);
        assertThat(receivedLengths).containsExactly((long) content.length);
        assertThat(restarts).hasSize(2);
    }

    @Test
    void anIndexServedWithoutItsChildrenIsPushedAgainNotTakenAsPresent(@TempDir Path temp) throws Exception {
        ManifestDocument index = TestImages.multiPlatformLayout(temp.resolve("multi"), "multi", 35);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A registry that allowed a sparse index: the tag serves the index, its children are missing.
        handler = exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(exchange.getRequestMethod() + " " + path);
            if (exchange.getRequestMethod().equals("GET") && path.equals("/v2/app/manifests/1")) {
                reply(exchange, 200, index.mediaType(), index.bytes());
            } else if (exchange.getRequestMethod().equals("HEAD") || exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 404, "application/json", new byte[0]);
            } else {
                reply(exchange, 500, "application/json",
                        "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"uploads are off\"}]}".getBytes(StandardCharsets.UTF_8));
            }
        };
        try (ImageSource source = OciLayoutSource.directory(temp.resolve("multi"), "multi")) {
            assertThatThrownBy(() -> new ImagePusher(client(), 2, null).push(source,
                    ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/app:1", "target"), null))
                    .isInstanceOf(RegistryException.class);
        }
        String firstChild = index.manifests().get(0).digest().toString();
        assertThat(seen).contains("GET /v2/app/manifests/" + firstChild)
                .anyMatch(request -> request.startsWith("HEAD /v2/app/blobs/"));
    }

    @Test
    void aRegistryThatAcceptsAndNeverAnswersEndsAtTheDeadlineWithoutRetrying() throws Exception {
        try (io.jenkins.plugins.securepipeline.net.HostileServer silent = io.jenkins.plugins.securepipeline.net.HostileServer
                .start(io.jenkins.plugins.securepipeline.net.HostileServer.Behaviour.SILENT)) {
            RegistryClient client = new RegistryClient(silent.address(), true, null, RegistryClient.newHttpClient(),
                    Duration.ofMillis(700));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.getManifest("a/b", "latest"))
                    .isInstanceOf(io.jenkins.plugins.securepipeline.net.NetworkFailure.class)
                    .hasMessage(silent.address() + " did not answer within 700ms (read manifest a/b:latest)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(silent.connections()).as("a timed-out request is not retried").isEqualTo(1);
        }
    }

    @Test
    void thePasswordGoesToAPlainHttpTokenRealmOnlyOnTheRegistrysOwnHost() throws Exception {
        int port = server.getAddress().getPort();
        AtomicInteger tokenRequests = new AtomicInteger();
        String[] realm = new String[1];
        handler = exchange -> {
            if (exchange.getRequestURI().getPath().equals("/token")) {
                tokenRequests.incrementAndGet();
                reply(exchange, 200, "application/json", "{\"token\":\"t0k3n\"}".getBytes(StandardCharsets.UTF_8));
            } else if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"" + realm[0] + "\",service=\"r\"");
                reply(exchange, 401, null, new byte[0]);
            } else {
                reply(exchange, 404, null, new byte[0]);
            }
        };
        RegistryCredentials credentials = new RegistryCredentials("user", "secret-password".toCharArray());
        RegistryClient client = new RegistryClient("127.0.0.1:" + port, true, credentials, RegistryClient.newHttpClient(),
                Duration.ofSeconds(5));

        // Another host over plain HTTP ("localhost" is not "127.0.0.1" by name): refused before anything is sent there.
        realm[0] = "http://localhost:" + port + "/token";
        assertThatThrownBy(() -> client.getManifest("a/b", "latest"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("names the token service http://localhost:" + port)
                .hasMessageContaining("refusing to send the registry password in clear text to another host")
                .hasMessageNotContaining("secret-password");
        assertThat(tokenRequests).hasValue(0);

        // The registry's own host: the usual local setup (registry and token service side by side).
        realm[0] = "http://127.0.0.1:" + port + "/token";
        RegistryClient sameHost = new RegistryClient("127.0.0.1:" + port, true, credentials, RegistryClient.newHttpClient(),
                Duration.ofSeconds(5));
        assertThat(sameHost.getManifest("a/b", "latest")).isNull();
        assertThat(tokenRequests).hasValue(1);
    }
}
