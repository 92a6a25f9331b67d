package io.jenkins.plugins.securepipeline.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every JDK HTTP call has a deadline that covers the body too, and failures read as one line naming host:port. */
class HttpDeadlinesTest {
    private static final Duration SHORT = Duration.ofMillis(800);
    private static final Duration TEST_LIMIT = Duration.ofSeconds(10);

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(SHORT).build();
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (HostileServer server = HostileServer.start(HostileServer.Behaviour.SILENT)) {
            HttpClient http = client();
            URI uri = URI.create("http://" + server.address() + "/v2/");
            assertTimeoutPreemptively(TEST_LIMIT, () -> assertThatThrownBy(() -> HttpDeadlines.send(http,
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(), SHORT, "check registry"))
                    .isInstanceOf(NetworkFailure.class)
                    .hasMessage(server.address() + " did not answer within 800ms (check registry)"));
            JdkHttpClients.close(http);
        }
    }

    @Test
    void aBodyTrickledByteByByteIsCutOffAtTheDeadline() throws Exception {
        try (HostileServer server = HostileServer.start(HostileServer.Behaviour.TRICKLE)) {
            HttpClient http = client();
            URI uri = URI.create("http://" + server.address() + "/calendar.ics");
            long started = System.nanoTime();
            assertTimeoutPreemptively(TEST_LIMIT, () -> {
                HttpResponse<InputStream> response = HttpDeadlines.send(http, HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofInputStream(), SHORT, "fetch iCalendar");
                try (InputStream body = HttpDeadlines.guardSince(response.body(), uri, SHORT, started, "fetch iCalendar")) {
                    assertThatThrownBy(body::readAllBytes).isInstanceOf(NetworkFailure.class)
                            .hasMessage(server.address() + " did not send the whole answer within 800ms (fetch iCalendar)");
                }
            });
            JdkHttpClients.close(http);
        }
    }

    @Test
    void aStalledStreamEndsWhenNothingArrivesForTheTimeout() throws Exception {
        InputStream stalled = new InputStream() {
            private volatile boolean closed;

            @Override
            public int read() throws IOException {
                while (!closed) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return -1;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
        URI uri = URI.create("https://registry.example:5000/v2/a/blobs/x");
        try (InputStream guarded = HttpDeadlines.guard(stalled, uri, Duration.ofMillis(300), true, "download blob")) {
            assertTimeoutPreemptively(TEST_LIMIT, () -> assertThatThrownBy(guarded::read)
                    .hasMessage("registry.example:5000 sent nothing for 300ms (download blob)"));
        }
    }

    @Test
    void refusedConnectionsAndUnknownHostsAreOneLineWithHostAndPort() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        HttpClient http = client();
        URI refused = URI.create("http://127.0.0.1:" + port + "/v2/");
        assertThatThrownBy(() -> HttpDeadlines.send(http, HttpRequest.newBuilder(refused).build(),
                HttpResponse.BodyHandlers.discarding(), SHORT, "check registry"))
                .isInstanceOf(NetworkFailure.class)
                .hasMessage("cannot connect to 127.0.0.1:" + port
                        + ": connection refused (nothing listens there; check host and port) (check registry)");
        URI unknown = URI.create("https://no-such-host.invalid/v2/");
        assertThatThrownBy(() -> HttpDeadlines.send(http, HttpRequest.newBuilder(unknown).build(),
                HttpResponse.BodyHandlers.discarding(), Duration.ofSeconds(5), "check registry"))
                .isInstanceOf(NetworkFailure.class)
                .hasMessage("cannot connect to no-such-host.invalid:443: unknown host (DNS cannot resolve no-such-host.invalid)"
                        + " (check registry)");
        JdkHttpClients.close(http);
    }

    @Test
    void tlsSpokenToAPlainHttpServerIsNamed() throws Exception {
        try (HostileServer plain = HostileServer.start(HostileServer.Behaviour.PLAIN_HTTP)) {
            HttpClient http = client();
            URI uri = URI.create("https://" + plain.address() + "/v2/");
            NetworkFailure failure = org.junit.jupiter.api.Assertions.assertThrows(NetworkFailure.class,
                    () -> HttpDeadlines.send(http, HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding(),
                            Duration.ofSeconds(5), "check registry"));
            assertThat(failure.kind()).isEqualTo(NetworkFailure.Kind.PLAIN_HTTP_ON_TLS);
            assertThat(failure.getMessage()).isEqualTo(plain.address() + " answered in plain HTTP, not HTTPS (check registry)");
            JdkHttpClients.close(http);
        }
    }
}
