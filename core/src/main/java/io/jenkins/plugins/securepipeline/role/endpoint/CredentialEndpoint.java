package io.jenkins.plugins.securepipeline.role.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A credential endpoint on 127.0.0.1 that speaks the container credentials protocol
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), which every AWS SDK and
 * the AWS CLI read and refresh before expiry on their own. Processes get the URL and a random token, never the keys.
 *
 * <p>Refused: anything but GET of the exact path (404, 405); a request without exactly the token (401); a request that
 * names another host than the loopback address and port it was sent to, or carries an {@code Origin} header (403): a
 * web page in a browser on the same machine can reach loopback, through DNS rebinding too, and this stops it. When no
 * valid session can be served the answer is 503 with a reason in the {@code code}/{@code message} form SDKs show.
 */
public final class CredentialEndpoint implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final byte[] token;
    private final CredentialSupply supply;
    private final int port;

    private CredentialEndpoint(HttpServer server, ExecutorService executor, String path, String token, CredentialSupply supply) {
        this.server = server;
        this.executor = executor;
        this.path = path;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.supply = supply;
        this.port = server.getAddress().getPort();
    }

    /**
     * @param port 0 for any free port, or the port of an endpoint to bring back (after a controller restart)
     * @param path from {@link #newPath()}
     * @param token from {@link #newToken()}
     */
    public static CredentialEndpoint start(int port, String path, String token, CredentialSupply supply) throws IOException {
        if (path == null || !path.matches("/[A-Za-z0-9_/-]{8,200}")) {
            throw new IllegalArgumentException("path: must be / and at least 8 letters, digits, '-', '_' or '/'");
        }
        if (token == null || token.length() < 32) {
            throw new IllegalArgumentException("token: must be at least 32 characters");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "aws-secure-pipeline-credential-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        CredentialEndpoint endpoint = new CredentialEndpoint(server, executor, path, token, supply);
        server.createContext("/", endpoint::answer);
        server.start();
        return endpoint;
    }

    /** A random path: a process that knows only the port cannot even find the endpoint. */
    public static String newPath() {
        return "/aws-secure-pipeline/" + random(18);
    }

    /** A random bearer token: 256 bits, URL-safe Base64. */
    public static String newToken() {
        return random(32);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    public int port() {
        return port;
    }

    /** The value for {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                send(exchange, 403, error("Forbidden", "only local processes may ask"));
            } else if (!path.equals(exchange.getRequestURI().getRawPath()) || exchange.getRequestURI().getRawQuery() != null) {
                send(exchange, 404, error("NotFound", "no such path"));
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, error("MethodNotAllowed", "only GET"));
            } else if (exchange.getRequestHeaders().containsKey("Origin") || !expectedHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, error("Forbidden", "requests from web pages or for other hosts are refused"));
            } else if (!tokenMatches(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("Unauthorized", "the authorization token is missing or wrong"));
            } else {
                try {
                    send(exchange, 200, supply.current().json());
                } catch (CredentialSupply.Unavailable e) {
                    send(exchange, 503, error("CredentialsUnavailable", e.getMessage()));
                }
            }
        }
    }

    private boolean expectedHost(String host) {
        if (host == null) {
            return false;
        }
        String wanted = host.strip().toLowerCase(Locale.ROOT);
        return wanted.equals("127.0.0.1:" + port) || wanted.equals("localhost:" + port);
    }

    private boolean tokenMatches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String code, String message) {
        return "{\"code\":" + ServedCredentials.quote(code) + ",\"message\":" + ServedCredentials.quote(message) + "}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops answering at once; requests in flight are not waited for. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
