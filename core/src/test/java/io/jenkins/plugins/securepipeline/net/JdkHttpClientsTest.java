package io.jenkins.plugins.securepipeline.net;

import static org.assertj.core.api.Assertions.assertThat;

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
    void closeStopsTheClientsSelectorThread() throws Exception {
        Set<Thread> before = selectorThreads();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
        Set<Thread> ours = selectorThreads();
        ours.removeAll(before);
        assertThat(ours).as("the client's selector thread").hasSize(1);
        assertThat(JdkHttpClients.selectorThread(client)).isSameAs(ours.iterator().next());

        JdkHttpClients.close(client);

        // Java 21+: HttpClient.close(); Java 17-20: the selector thread interrupted. Either way it ends.
        for (Thread thread : ours) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " after close").isFalse();
        }
    }

    @Test
    void anotherClientsThreadIsLeftAlone() throws Exception {
        HttpClient kept = HttpClient.newHttpClient();
        HttpClient closed = HttpClient.newHttpClient();
        Thread keptSelector = JdkHttpClients.selectorThread(kept);
        assertThat(keptSelector).isNotNull().isNotSameAs(JdkHttpClients.selectorThread(closed));
        JdkHttpClients.close(closed);
        HttpResponse<Void> response = kept.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(keptSelector.isAlive()).isTrue();
        JdkHttpClients.close(kept);
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
