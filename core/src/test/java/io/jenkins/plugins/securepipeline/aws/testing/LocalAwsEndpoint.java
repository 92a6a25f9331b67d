package io.jenkins.plugins.securepipeline.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An AWS service endpoint on 127.0.0.1 for tests: the real SDK client talks HTTP to it, it checks the request
 * signature as the service would (SigV4 by default, see {@link SigV4Verifier}), and only verified requests reach
 * the test's handler. Requests that fail the check are answered with the protocol's error and kept in
 * {@link #rejected()} so tests can assert that nothing unsigned got through.
 */
public final class LocalAwsEndpoint implements AutoCloseable {
    /** The test key pair the endpoint trusts from the start; test-only values. */
    public static final String ACCESS_KEY_ID = "AKIDLOCALENDPOINTTEST";
    public static final String SECRET_ACCESS_KEY = "local-endpoint-test-secret-not-a-real-key";

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestVerifier verifier;
    private final SigV4Verifier sigV4;
    private final List<AwsRequest> requests = new CopyOnWriteArrayList<>();
    private final List<AwsRequest> rejected = new CopyOnWriteArrayList<>();
    private volatile Function<AwsRequest, AwsResponse> handler =
            request -> AwsResponse.of(501, "text/plain", "no handler installed for " + request.operation());

    private LocalAwsEndpoint(RequestVerifier verifier, SigV4Verifier sigV4) throws IOException {
        this.verifier = verifier;
        this.sigV4 = sigV4;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /**
     * Starts an endpoint that verifies SigV4 for the given signing name ({@code sts}, {@code ssm}, {@code kms},
     * {@code ecr}) and region, trusting {@link #ACCESS_KEY_ID}. STS gets query-protocol errors, the others JSON.
     */
    public static LocalAwsEndpoint start(String signingName, String region) {
        return start(signingName, region, Clock.systemUTC());
    }

    public static LocalAwsEndpoint start(String signingName, String region, Clock clock) {
        SigV4Verifier sigV4 = new SigV4Verifier(signingName, region, errorShapeFor(signingName), clock);
        sigV4.trust(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        try {
            return new LocalAwsEndpoint(sigV4, sigV4);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a local endpoint on 127.0.0.1", e);
        }
    }

    /** Starts an endpoint with a verifier of the test's own (e.g. the X.509 signature of IAM Roles Anywhere). */
    public static LocalAwsEndpoint startWithVerifier(RequestVerifier verifier) {
        try {
            return new LocalAwsEndpoint(verifier, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a local endpoint on 127.0.0.1", e);
        }
    }

    private static java.util.function.BiFunction<Integer, String[], AwsResponse> errorShapeFor(String signingName) {
        if ("sts".equals(signingName)) {
            return (status, codeAndMessage) -> AwsResponse.queryError(status, codeAndMessage[0], codeAndMessage[1]);
        }
        return (status, codeAndMessage) -> AwsResponse.jsonError(status, codeAndMessage[0], codeAndMessage[1]);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Credentials for the SDK client that this endpoint accepts. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** Also accept requests signed with this key, e.g. credentials that an earlier AssumeRole handed out. */
    public LocalAwsEndpoint trust(String accessKeyId, String secretAccessKey) {
        if (sigV4 == null) {
            throw new IllegalStateException("this endpoint uses a custom verifier");
        }
        sigV4.trust(accessKeyId, secretAccessKey);
        return this;
    }

    public LocalAwsEndpoint handler(Function<AwsRequest, AwsResponse> handler) {
        this.handler = handler;
        return this;
    }

    /** Verified requests, in arrival order. */
    public List<AwsRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests the verifier refused; they never reached the handler. */
    public List<AwsRequest> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            AwsRequest request = read(exchange);
            Optional<AwsResponse> rejection = verifier.reject(request);
            AwsResponse response;
            if (rejection.isPresent()) {
                rejected.add(request);
                response = rejection.get();
            } else {
                requests.add(request);
                response = answer(request);
            }
            write(exchange, response);
        }
    }

    private AwsResponse answer(AwsRequest request) {
        try {
            return handler.apply(request);
        } catch (RuntimeException e) {
            // A broken test handler should fail the test loudly, not look like a service error.
            return AwsResponse.of(599, "text/plain", "test handler threw " + e);
        }
    }

    private static AwsRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        URI uri = exchange.getRequestURI();
        return new AwsRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), Map.copyOf(headers), body);
    }

    private static void write(HttpExchange exchange, AwsResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
