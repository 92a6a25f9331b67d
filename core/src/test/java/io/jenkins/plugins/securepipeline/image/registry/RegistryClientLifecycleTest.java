package io.jenkins.plugins.securepipeline.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who ends the HTTP client: a registry client ends the one it made, never one it was given. */
class RegistryClientLifecycleTest {
    private HttpServer server;
    private String registry;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        registry = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSharedHttpClientOutlivesTheRegistryClientsUsingIt() throws Exception {
        HttpClient shared = RegistryClient.newHttpClient();
        try (RegistryClient client = new RegistryClient(registry, true, null, shared)) {
            assertThat(client.getManifest("app", "1")).isNull();
        }
        HttpResponse<Void> after = shared.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(after.statusCode()).isEqualTo(404);
    }

    @Test
    void aRegistryClientEndsTheHttpClientItMade() throws Exception {
        Set<Thread> before = selectorThreads();
        RegistryClient client = RegistryClient.withOwnHttpClient(registry, true, null, ProxySelector.getDefault());
        assertThat(client.getManifest("app", "1")).isNull();
        Set<Thread> made = selectorThreads();
        made.removeAll(before);
        assertThat(made).as("the registry client's selector thread").isNotEmpty();

        client.close();

        for (Thread thread : made) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " after close").isFalse();
        }
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("SelectorManager"))
                .collect(Collectors.toSet());
    }
}
