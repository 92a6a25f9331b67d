package io.jenkins.plugins.securepipeline.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy on 127.0.0.1 in front of {@link LocalRegistry} that behaves like ECR where ECR differs from
 * the distribution registry, and injects failures:
 * <ul>
 *   <li>a PATCH carrying {@code Content-Range} (a second chunk of a chunked upload) is rejected;</li>
 *   <li>blob GETs can be redirected (307) to a second listener on another origin ({@code localhost}, another port)
 *       that records any Authorization header it receives;</li>
 *   <li>the next N PATCHes can fail with HTTP 500 after part of the body was read;</li>
 *   <li>optionally the distribution token protocol: 401 with a Bearer challenge, a token endpoint checking the
 *       registry's basic credentials, and per-repository scopes.</li>
 * </ul>
 */
public final class FaultInjectingProxy implements AutoCloseable {
    record Seen(String method, String path, String contentRange, String authorizationScheme) {}

    private final LocalRegistry registry;
    private final HttpServer front;
    private final HttpServer storage;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "fault-injecting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger storageRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();

    volatile boolean redirectBlobGets;
    volatile boolean bearerAuth;
    public final AtomicInteger failNextPatches = new AtomicInteger();
    /** ECR's tag immutability: a manifest PUT that would move an existing tag is refused with TAG_INVALID. */
    public volatile boolean immutableTags;

    public FaultInjectingProxy(LocalRegistry registry) throws IOException {
        this.registry = registry;
        this.front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.setExecutor(executor);
        storage.setExecutor(executor);
        front.createContext("/", this::front);
        storage.createContext("/", this::storage);
        front.start();
        storage.start();
    }

    public String address() {
        return "127.0.0.1:" + front.getAddress().getPort();
    }

    public RegistryClient client(RegistryCredentials credentials) {
        return new RegistryClient(address(), true, credentials, RegistryClient.newHttpClient(), 3,
                java.time.Duration.ofMillis(50));
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<String> storageAuthorizations() {
        return List.copyOf(storageAuthorizations);
    }

    int storageRequests() {
        return storageRequests.get();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    @Override
    public void close() {
        front.stop(0);
        storage.stop(0);
        executor.shutdownNow();
    }

    private void front(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String contentRange = exchange.getRequestHeaders().getFirst("Content-Range");
            if (!path.equals("/token")) {
                seen.add(new Seen(method, path, contentRange,
                        authorization == null ? null : authorization.split(" ")[0]));
            }
            if (path.equals("/token")) {
                token(exchange);
                return;
            }
            String forwardAuthorization = authorization;
            if (bearerAuth && path.startsWith("/v2/")) {
                String repository = repositoryOf(path);
                String action = method.equals("GET") || method.equals("HEAD") ? "pull" : "push";
                Set<String> scopes = authorization != null && authorization.startsWith("Bearer ")
                        ? tokens.get(authorization.substring(7)) : null;
                if (scopes == null || repository != null && !scopes.contains(repository + ":" + action)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"http://" + address()
                            + "/token\",service=\"local-test\",scope=\"repository:" + repository + ":pull,push\"");
                    send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"token required\"}]}");
                    return;
                }
                forwardAuthorization = registry.credentials().basicAuthorization();
            }
            if (method.equals("PATCH") && contentRange != null) {
                // ECR does not support chunked uploads; answer as a strict registry would.
                exchange.getRequestBody().readAllBytes();
                send(exchange, 416, "{\"errors\":[{\"code\":\"BLOB_UPLOAD_INVALID\",\"message\":\"chunked upload not supported\"}]}");
                return;
            }
            if (method.equals("PATCH") && failNextPatches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getRequestBody().readNBytes(4096);
                send(exchange, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"injected failure mid-upload\"}]}");
                return;
            }
            if (redirectBlobGets && authorization != null && method.equals("GET") && path.matches("/v2/.+/blobs/sha256:[a-f0-9]{64}")) {
                exchange.getResponseHeaders().set("Location", "http://localhost:" + storage.getAddress().getPort()
                        + "/storage" + path + "?X-Amz-Signature=presigned");
                send(exchange, 307, "");
                return;
            }
            if (immutableTags && method.equals("PUT") && path.matches("/v2/.+/manifests/[^/:]+")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String existing = existingDigest(path);
                String digest = "sha256:" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(body));
                if (existing != null && !existing.equals(digest)) {
                    String tag = path.substring(path.lastIndexOf('/') + 1);
                    send(exchange, 400, "{\"errors\":[{\"code\":\"TAG_INVALID\",\"message\":\"The image tag '" + tag
                            + "' already exists in the '" + repositoryOf(path) + "' repository and cannot be overwritten"
                            + " because the repository is immutable.\"}]}");
                    return;
                }
                forwardBytes(exchange, path, body, forwardAuthorization);
                return;
            }
            forward(exchange, method, exchange.getRequestURI(), forwardAuthorization);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private String existingDigest(String path) throws IOException {
        try {
            HttpResponse<Void> head = upstream.send(HttpRequest.newBuilder(URI.create("http://" + registry.address() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", registry.credentials().basicAuthorization())
                    .header("Accept", io.jenkins.plugins.securepipeline.image.MediaTypes.ACCEPT_ALL).build(),
                    HttpResponse.BodyHandlers.discarding());
            return head.statusCode() == 200 ? head.headers().firstValue("Docker-Content-Digest").orElse(null) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void forwardBytes(HttpExchange exchange, String path, byte[] body, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + registry.address() + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", firstOr(exchange, "Content-Type", "application/octet-stream"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Docker-Content-Digest")
                    .ifPresent(value -> exchange.getResponseHeaders().set("Docker-Content-Digest", value));
            send(exchange, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String repositoryOf(String path) {
        String rest = path.substring("/v2/".length());
        for (String marker : new String[] {"/blobs/", "/manifests/", "/tags/"}) {
            int at = rest.indexOf(marker);
            if (at > 0) {
                return rest.substring(0, at);
            }
        }
        return null;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.equals(registry.credentials().basicAuthorization())) {
            send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
            return;
        }
        Set<String> granted = ConcurrentHashMap.newKeySet();
        String query = exchange.getRequestURI().getQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("scope=")) {
                String[] parts = parameter.substring(6).split(":");
                if (parts.length == 3 && parts[0].equals("repository")) {
                    for (String action : parts[2].split(",")) {
                        granted.add(parts[1] + ":" + action);
                    }
                }
            }
        }
        String token = "tok-" + UUID.randomUUID();
        tokens.put(token, granted);
        send(exchange, 200, "{\"token\":\"" + token + "\",\"expires_in\":300}");
    }

    private void storage(HttpExchange exchange) throws IOException {
        try (exchange) {
            storageRequests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                storageAuthorizations.add(authorization);
            }
            String path = exchange.getRequestURI().getRawPath().substring("/storage".length());
            forward(exchange, "GET", URI.create(path), registry.credentials().basicAuthorization());
        }
    }

    private void forward(HttpExchange exchange, String method, URI requestUri, String authorization) throws IOException {
        String target = "http://" + registry.address() + requestUri.getRawPath()
                + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
        long length = Long.parseLong(firstOr(exchange, "Content-Length", "0"));
        HttpRequest.BodyPublisher body = length > 0
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), length)
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).method(method, body);
        for (String header : new String[] {"Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") && !method.equals("HEAD") || lower.equals("transfer-encoding")
                    || lower.equals("connection") || lower.equals("date") || lower.equals(":status")) {
                return;
            }
            for (String value : values) {
                exchange.getResponseHeaders().add(name, lower.equals("location")
                        ? value.replace("http://" + registry.address(), "http://" + address()) : value);
            }
        });
        try (InputStream in = response.body()) {
            long responseLength = response.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean noBody = method.equals("HEAD") || response.statusCode() == 204 || responseLength == 0;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : responseLength);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static String firstOr(HttpExchange exchange, String header, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(header);
        return value == null ? fallback : value;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
