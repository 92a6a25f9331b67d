package io.jenkins.plugins.securepipeline.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpClientsTest {
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void closeStopsTheSelectorThreadWhereTheJdkAllowsIt() throws Exception {
        Set<Thread> before = selectorThreads();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
        Set<Thread> ours = selectorThreads();
        ours.removeAll(before);
        assertThat(ours).as("the client's selector thread").isNotEmpty();

        JdkHttpClients.close(client);

        // Java 17's client has no close(): the call must be harmless there, and there is nothing more to check.
        assumeTrue(Runtime.version().feature() >= 21, "HttpClient is AutoCloseable from Java 21");
        for (Thread thread : ours) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " after close").isFalse();
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        HttpClient client = HttpClient.newHttpClient();
        JdkHttpClients.close(client);
        JdkHttpClients.close(client);
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("SelectorManager"))
                .collect(Collectors.toSet());
    }
}
