package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import io.jenkins.plugins.securepipeline.image.VerifyingInputStream;
import io.jenkins.plugins.securepipeline.net.DeferredDefaultTrust;
import io.jenkins.plugins.securepipeline.net.HttpDeadlines;
import io.jenkins.plugins.securepipeline.net.JdkHttpClients;
import io.jenkins.plugins.securepipeline.net.NetworkFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;

/**
 * A client for one registry speaking the OCI distribution protocol over the JDK HTTP client (no Docker daemon, no
 * native code, so it runs on any build agent). It follows redirects itself so that the {@code Authorization} header
 * only ever goes to the registry's own origin, never to the storage host a blob GET is redirected to.
 *
 * <p>Uploads are one streamed PATCH with a Content-Length followed by {@code PUT ?digest=}: never several chunked
 * PATCHes, which ECR silently truncates. A failed upload restarts from the first byte of that blob.
 *
 * <p>Every request has a deadline ({@link #DEFAULT_TIMEOUT} unless given): the answer, and any document read from
 * it (manifest, token, error), must arrive within it; a streamed blob and an upload must not stall for longer
 * (see {@link HttpDeadlines}). A request that timed out is not retried: the deadline is all the patience asked for.
 * Network failures are {@link NetworkFailure}s, one line naming host and port.
 *
 * <p>{@link #close()} ends the HTTP client only when this client made it ({@link #withOwnHttpClient}); a client
 * given to the constructor belongs to the caller, who may share it between registries.
 */
public final class RegistryClient implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** How long one request may wait for its answer (and documents to arrive whole) unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final RegistryAuthenticator authenticator;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final boolean ownsHttp;
    private final Duration timeout;

    /**
     * @param registry {@code HOST[:PORT]}
     * @param plainHttp talk {@code http://} (only for a local test registry; never for credentials on a network)
     * @param credentials null for anonymous access
     */
    public RegistryClient(String registry, boolean plainHttp, RegistryCredentials credentials, HttpClient http) {
        this(registry, plainHttp, credentials, http, 3, Duration.ofMillis(500));
    }

    public RegistryClient(String registry, boolean plainHttp, RegistryCredentials credentials, HttpClient http,
            int maxAttempts, Duration retryDelay) {
        this(registry, plainHttp, credentials, http, maxAttempts, retryDelay, false, DEFAULT_TIMEOUT);
    }

    /** @param timeout the deadline of each request (see the class comment) */
    public RegistryClient(String registry, boolean plainHttp, RegistryCredentials credentials, HttpClient http,
            Duration timeout) {
        this(registry, plainHttp, credentials, http, 3, Duration.ofMillis(500), false, timeout);
    }

    private RegistryClient(String registry, boolean plainHttp, RegistryCredentials credentials, HttpClient http,
            int maxAttempts, Duration retryDelay, boolean ownsHttp, Duration timeout) {
        this.base = URI.create((plainHttp ? "http://" : "https://") + registry);
        if (base.getHost() == null || base.getRawPath() != null && !base.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("registry must be HOST[:PORT]");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.http = http;
        this.timeout = timeout;
        this.authenticator = new RegistryAuthenticator(http, credentials, base, timeout);
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.ownsHttp = ownsHttp;
    }

    /** A client with an HTTP client of its own ({@link #newHttpClient(ProxySelector)}), which {@link #close()} ends. */
    public static RegistryClient withOwnHttpClient(String registry, boolean plainHttp, RegistryCredentials credentials,
            ProxySelector proxy) {
        return new RegistryClient(registry, plainHttp, credentials, newHttpClient(proxy, plainHttp), 3,
                Duration.ofMillis(500), true, DEFAULT_TIMEOUT);
    }

    /** An HTTP/1.1 client that never follows redirects on its own and uses the JVM's proxy settings. */
    public static HttpClient newHttpClient() {
        return newHttpClient(ProxySelector.getDefault());
    }

    /** The same with an explicit proxy choice (e.g. HTTPS_PROXY / NO_PROXY, or the admin's proxy settings). */
    public static HttpClient newHttpClient(ProxySelector proxy) {
        return newHttpClient(proxy, false);
    }

    /**
     * @param plainHttp for a registry reached over plain HTTP: TLS (a redirect to an https host) is still checked
     *     against the JVM's default trust, but TLS is only set up, and the trust store loaded, if it happens
     */
    public static HttpClient newHttpClient(ProxySelector proxy, boolean plainHttp) {
        return newHttpClient(proxy, plainHttp, Duration.ofSeconds(30));
    }

    /** @param connectTimeout how long to wait for a TCP (and proxy) connection */
    public static HttpClient newHttpClient(ProxySelector proxy, boolean plainHttp, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .proxy(proxy);
        if (plainHttp) {
            // No TLS set-up unless a redirect to an https host needs it (see DeferredDefaultTrust.lazySslContext).
            builder.sslContext(DeferredDefaultTrust.lazySslContext()).sslParameters(new SSLParameters());
        }
        return builder.build();
    }

    public String registry() {
        return base.getRawAuthority();
    }

    /** Ends the HTTP client if this client made it; a shared one is left to its owner. */
    @Override
    public void close() {
        if (ownsHttp) {
            JdkHttpClients.close(http);
        }
    }

    static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String pushScope(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    // ---- blobs ----

    /** HEAD: is the blob already in the repository? A registry reporting another size for it is an error. */
    public boolean blobExists(String repository, Descriptor blob) throws IOException, InterruptedException {
        URI uri = url("/v2/" + repository + "/blobs/" + blob.digest());
        try (Response response = exchange("check blob " + blob.digest(), "HEAD", uri, null, null,
                pushScope(repository), true)) {
            if (response.status == 404) {
                return false;
            }
            if (response.status != 200) {
                throw response.failure();
            }
            long length = response.headers.firstValueAsLong("Content-Length").orElse(blob.size());
            if (length != blob.size()) {
                throw new RegistryException("registry reports " + length + " bytes for blob " + blob.digest()
                        + " in " + repository + ", the manifest says " + blob.size());
            }
            return true;
        }
    }

    /**
     * Cross-repository mount: asks the registry to link a blob it already has in {@code fromRepository}. Returns
     * false when the registry started an ordinary upload instead (the session is cancelled).
     */
    public boolean mountBlob(String repository, String fromRepository, Descriptor blob)
            throws IOException, InterruptedException {
        URI uri = url("/v2/" + repository + "/blobs/uploads/?mount=" + encode(blob.digest().toString())
                + "&from=" + encode(fromRepository));
        try (Response response = exchange("mount blob " + blob.digest(), "POST", uri, null, BodyPublishers::noBody,
                pushScope(repository) + " " + pullScope(fromRepository), false)) {
            if (response.status == 201) {
                requireDigestHeader(response, blob.digest(), "mount blob");
                return true;
            }
            if (response.status == 202) {
                cancelUpload(response);
                return false;
            }
            throw response.failure();
        }
    }

    private void cancelUpload(Response response) {
        try {
            URI location = uploadLocation(response);
            try (Response ignored = exchange("cancel upload", "DELETE", location, null, null, null, false)) {
                // Best effort: an abandoned session expires on the registry anyway.
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Opens the bytes of a blob, already known to the caller by descriptor, for streaming (e.g. from a file). */
    @FunctionalInterface
    public interface BlobOpener {
        InputStream open(VerifyingInputStream.ByteCounter counter) throws IOException;
    }

    /**
     * Uploads a blob: POST, one streamed PATCH with the whole content, then PUT with the digest. Retried from the
     * first byte on 5xx, throttling and connection failures; never retried when the local content is wrong.
     */
    public void uploadBlob(String repository, Descriptor blob, BlobOpener opener, PushProgress progress)
            throws IOException, InterruptedException {
        retrying("upload blob " + blob.digest(), () -> {
            uploadOnce(repository, blob, opener, progress);
            return null;
        });
    }

    private void uploadOnce(String repository, Descriptor blob, BlobOpener opener, PushProgress progress)
            throws IOException, InterruptedException {
        String scope = pushScope(repository);
        URI location;
        try (Response start = exchange("start upload " + blob.digest(), "POST",
                url("/v2/" + repository + "/blobs/uploads/"), null, BodyPublishers::noBody, scope, false)) {
            if (start.status != 202) {
                throw start.failure();
            }
            location = uploadLocation(start);
        }
        progress.blobProgress(blob.digest(), 0, blob.size());
        HttpDeadlines.Activity sending = new HttpDeadlines.Activity();
        AtomicReference<IOException> localFailure = new AtomicReference<>();
        List<InputStream> opened = new ArrayList<>();
        Supplier<BodyPublisher> body = () -> {
            if (blob.size() == 0) {
                return BodyPublishers.noBody();
            }
            return new StreamBodyPublisher(() -> {
                try {
                    InputStream in = new FailureRecordingInputStream(sending.touchedByReads(
                            opener.open(sent -> progress.blobProgress(blob.digest(), sent, blob.size()))), localFailure);
                    synchronized (opened) {
                        opened.add(in);
                    }
                    return in;
                } catch (IOException e) {
                    localFailure.set(e);
                    throw new UncheckedIOException(e);
                }
            }, blob.size());
        };
        URI committed;
        try (Response patch = exchange("upload blob " + blob.digest(), "PATCH", location,
                new String[] {"Content-Type", "application/octet-stream"}, body, scope, false, sending, false)) {
            if (patch.status != 202 && patch.status != 204) {
                throw patch.failure();
            }
            committed = patch.headers.firstValue("Location").isPresent() ? uploadLocation(patch) : location;
        } catch (IOException e) {
            // Our own content check failing must not look like a network error worth retrying.
            IOException local = localFailure.get();
            throw local != null ? local : e;
        } finally {
            synchronized (opened) {
                for (InputStream in : opened) {
                    in.close();
                }
            }
        }
        if (localFailure.get() != null) {
            throw localFailure.get();
        }
        URI put = withQuery(committed, "digest=" + encode(blob.digest().toString()));
        try (Response done = exchange("finish upload " + blob.digest(), "PUT", put, null, BodyPublishers::noBody,
                scope, false)) {
            if (done.status != 201) {
                throw done.failure();
            }
            requireDigestHeader(done, blob.digest(), "finish upload");
        }
    }

    /** Streams a blob from the registry, verifying size and digest as it is read. The caller closes it. */
    public InputStream openBlob(String repository, Descriptor blob) throws IOException, InterruptedException {
        return retrying("download blob " + blob.digest(), () -> {
            URI uri = url("/v2/" + repository + "/blobs/" + blob.digest());
            Response response = exchange("download blob " + blob.digest(), "GET", uri, null, null,
                    pullScope(repository), true, new HttpDeadlines.Activity(), true);
            if (response.status != 200) {
                try (response) {
                    throw response.failure();
                }
            }
            return new VerifyingInputStream(response.body, blob, repository + "@" + blob.digest() + " from "
                    + registry(), null);
        });
    }

    /** Reads a small blob (a signature payload, a config) whole, refusing anything over {@code limit}. */
    public byte[] readBlob(String repository, Descriptor blob, int limit) throws IOException, InterruptedException {
        if (blob.size() > limit) {
            throw new RegistryException("blob " + blob.digest() + " in " + repository + " declares " + blob.size()
                    + " bytes, over the " + limit + " byte limit");
        }
        try (InputStream in = openBlob(repository, blob)) {
            return in.readAllBytes();
        }
    }

    // ---- manifests ----

    /** PUT a manifest under a tag or digest; the registry's digest, if it states one, must be ours. */
    public void putManifest(String repository, String reference, ManifestDocument manifest)
            throws IOException, InterruptedException {
        retrying("push manifest " + reference, () -> {
            URI uri = url("/v2/" + repository + "/manifests/" + reference);
            byte[] bytes = manifest.bytes();
            try (Response response = exchange("push manifest " + repository + ":" + reference, "PUT", uri,
                    new String[] {"Content-Type", manifest.mediaType()}, () -> BodyPublishers.ofByteArray(bytes),
                    pushScope(repository), false)) {
                if (response.status != 201 && response.status != 200) {
                    throw response.failure();
                }
                requireDigestHeader(response, manifest.digest(), "push manifest");
            }
            return null;
        });
    }

    /** GET a manifest by tag or digest, or null when there is none. Bounded and strictly parsed. */
    public ManifestDocument getManifest(String repository, String reference) throws IOException, InterruptedException {
        return getManifest(repository, reference, pullScope(repository));
    }

    /**
     * The digest of the manifest bytes the registry serves for a tag or digest, or null when there is none (or it is
     * larger than any manifest we push). Nothing is parsed: whatever the tag holds now, this only answers "is it these
     * exact bytes?". Read with the push scope: a pusher holds that token anyway.
     */
    Digest servedManifestDigest(String repository, String reference) throws IOException, InterruptedException {
        ServedManifest served = fetchManifest(repository, reference, pushScope(repository));
        return served == null || served.bytes().length > ManifestDocument.MAX_BYTES ? null : Digest.of(served.bytes());
    }

    /** {@link #getManifest(String, String)} under another token scope. */
    ManifestDocument getManifest(String repository, String reference, String scope)
            throws IOException, InterruptedException {
        ServedManifest served = fetchManifest(repository, reference, scope);
        if (served == null) {
            return null;
        }
        if (served.bytes().length > ManifestDocument.MAX_BYTES) {
            throw new RegistryException("manifest " + repository + ":" + reference + " from " + registry()
                    + " is over the " + ManifestDocument.MAX_BYTES + " byte limit");
        }
        ManifestDocument manifest;
        try {
            manifest = ManifestDocument.parse(served.bytes(), served.contentType(), "manifest " + repository + ":"
                    + reference + " from " + registry());
        } catch (InvalidImageException e) {
            throw new RegistryException(e.getMessage());
        }
        if (reference.startsWith("sha256:") && !manifest.digest().toString().equals(reference)) {
            throw new RegistryException("registry " + registry() + " answered " + repository + "@" + reference
                    + " with content whose digest is " + manifest.digest());
        }
        return manifest;
    }

    /** What a manifest GET returned: at most one byte over the limit (so the caller can tell), and its media type. */
    private record ServedManifest(byte[] bytes, String contentType) {}

    /** GET a manifest, or null on 404; the body is read no further than one byte past the manifest size limit. */
    private ServedManifest fetchManifest(String repository, String reference, String scope)
            throws IOException, InterruptedException {
        return retrying("read manifest " + reference, () -> {
            URI uri = url("/v2/" + repository + "/manifests/" + reference);
            try (Response response = exchange("read manifest " + repository + ":" + reference, "GET", uri,
                    new String[] {"Accept", io.jenkins.plugins.securepipeline.image.MediaTypes.ACCEPT_ALL}, null,
                    scope, true)) {
                if (response.status == 404) {
                    return null;
                }
                if (response.status != 200) {
                    throw response.failure();
                }
                byte[] bytes = response.body.readNBytes(ManifestDocument.MAX_BYTES + 1);
                String contentType = response.headers.firstValue("Content-Type").orElse(null);
                return new ServedManifest(bytes, contentType == null ? null : contentType.split(";")[0].trim());
            }
        });
    }

    // ---- HTTP plumbing ----

    private URI url(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI withQuery(URI uri, String parameter) {
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + parameter);
    }

    private URI uploadLocation(Response response) throws RegistryException {
        String header = response.headers.firstValue("Location").orElse(null);
        if (header == null || header.isEmpty()) {
            throw new RegistryException(response.operation + ": registry sent no Location header for the upload");
        }
        URI location;
        try {
            location = response.uri.resolve(URI.create(header));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(response.operation + ": registry sent an invalid Location header");
        }
        if (!sameOrigin(location, base)) {
            throw new RegistryException(response.operation + ": registry sent an upload Location on another origin ("
                    + location.getScheme() + "://" + location.getRawAuthority()
                    + "); refusing to send the image or credentials there");
        }
        return location;
    }

    private static void requireDigestHeader(Response response, Digest expected, String what) throws RegistryException {
        String header = response.headers.firstValue("Docker-Content-Digest").orElse(null);
        if (header != null && !header.trim().equals(expected.toString())) {
            throw new RegistryException(what + ": registry says the digest is " + shortenHeader(header)
                    + " but we sent " + expected);
        }
    }

    private static String shortenHeader(String header) {
        return header.length() > 80 ? header.substring(0, 80) + "..." : header;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Sends one request: answers auth challenges (once), follows redirects for GET/HEAD itself and sends the
     * Authorization header only to the registry's own origin.
     */
    private Response exchange(String operation, String method, URI uri, String[] headers, Supplier<BodyPublisher> body,
            String scope, boolean followRedirects) throws IOException, InterruptedException {
        return exchange(operation, method, uri, headers, body, scope, followRedirects, new HttpDeadlines.Activity(), false);
    }

    /**
     * @param activity touched as an upload body is read, so a long upload is cut off only when it stalls
     * @param streamedBody the answer is a blob read as a stream: it must not stall, but may take longer than the
     *     timeout as a whole; any other body must arrive whole within the timeout
     */
    private Response exchange(String operation, String method, URI uri, String[] headers, Supplier<BodyPublisher> body,
            String scope, boolean followRedirects, HttpDeadlines.Activity activity, boolean streamedBody)
            throws IOException, InterruptedException {
        URI current = uri;
        boolean challenged = false;
        for (int hop = 0; hop <= MAX_REDIRECTS; ) {
            boolean toRegistry = sameOrigin(current, base);
            String authorization = toRegistry && scope != null ? authenticator.authorization(scope) : null;
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .method(method, body == null ? BodyPublishers.noBody() : body.get());
            if (!method.equals("PATCH")) {
                // The JDK's own limit up to the response headers; HttpDeadlines adds the body and the uploads.
                request.timeout(timeout);
            }
            if (headers != null) {
                for (int i = 0; i < headers.length; i += 2) {
                    request.header(headers[i], headers[i + 1]);
                }
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            long started = System.nanoTime();
            activity.touch();
            HttpResponse<InputStream> raw = HttpDeadlines.send(http, request.build(),
                    HttpResponse.BodyHandlers.ofInputStream(), timeout, operation, activity);
            InputStream guarded = streamedBody
                    ? HttpDeadlines.guard(raw.body(), current, timeout, true, operation)
                    : HttpDeadlines.guardSince(raw.body(), current, timeout, started, operation);
            Response response = new Response(operation, method, current, raw, guarded);
            if (response.status == 401 && toRegistry && scope != null && !challenged) {
                String challenge = raw.headers().firstValue("WWW-Authenticate").orElse(null);
                response.close();
                challenged = true;
                if (authenticator.onChallenge(challenge, scope, authorization)) {
                    continue;
                }
                throw new RegistryException(operation + ": " + method + " " + current.getRawPath()
                        + " was refused (HTTP 401): the registry did not accept the credentials", 401,
                        List.of("UNAUTHORIZED"));
            }
            if (isRedirect(response.status) && followRedirects) {
                String location = raw.headers().firstValue("Location").orElse(null);
                response.close();
                current = redirectTarget(operation, current, location);
                hop++;
                continue;
            }
            return response;
        }
        throw new RegistryException(operation + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private URI redirectTarget(String operation, URI from, String location) throws RegistryException {
        if (location == null || location.isEmpty()) {
            throw new RegistryException(operation + ": redirect without a Location header");
        }
        URI target;
        try {
            target = from.resolve(URI.create(location));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(operation + ": redirect to an invalid Location");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || target.getHost() == null) {
            throw new RegistryException(operation + ": redirect to an unsupported location");
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(from.getScheme())) {
            throw new RegistryException(operation + ": refusing a redirect from https to plain http ("
                    + target.getHost() + ")");
        }
        return target;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Runs an operation up to {@code maxAttempts} times while failures are transient. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T retrying(String what, Attempt<T> attempt) throws IOException, InterruptedException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (IOException e) {
                if (number >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                Thread.sleep(retryDelay.toMillis() * number);
            }
        }
    }

    private static boolean isTransient(IOException e) {
        if (e instanceof InvalidImageException) {
            return false;
        }
        if (e instanceof RegistryException) {
            return ((RegistryException) e).isRetryable();
        }
        if (e instanceof NetworkFailure failure) {
            // Reset or closed mid-transfer: worth another try. A timeout already waited as long as allowed; a
            // refused connection or an unknown host will not change in a second.
            return failure.isTransient();
        }
        // Connection reset, refused, closed or timed out mid-transfer: start that blob again.
        return true;
    }

    /** A response whose body must be closed; errors are read from it in a bounded way. */
    private final class Response implements AutoCloseable {
        final String operation;
        final String method;
        final URI uri;
        final int status;
        final HttpHeaders headers;
        final InputStream body;

        Response(String operation, String method, URI uri, HttpResponse<InputStream> raw, InputStream body) {
            this.operation = operation;
            this.method = method;
            this.uri = uri;
            this.status = raw.statusCode();
            this.headers = raw.headers();
            this.body = body;
        }

        RegistryException failure() {
            List<String> codes = new ArrayList<>();
            StringBuilder details = new StringBuilder();
            try {
                byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
                if (bytes.length > 0) {
                    JsonFields json = StrictJson.parseObject(bytes, "error response");
                    if (json.has("errors")) {
                        for (JsonFields error : json.objects("errors")) {
                            String code = error.optionalString("code");
                            String message = error.optionalString("message");
                            if (code != null) {
                                codes.add(code);
                            }
                            details.append(details.length() == 0 ? ": " : "; ")
                                    .append(code == null ? "" : code)
                                    .append(message == null ? "" : (code == null ? "" : ": ") + printable(message));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The body was not the OCI error JSON; the status alone has to do.
            }
            return new RegistryException(operation + ": " + method + " " + uri.getRawPath() + " on " + uri.getHost()
                    + " failed with HTTP " + status + details, status, codes);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("[\\p{Cntrl}]", " ");
        return cleaned.length() > 300 ? cleaned.substring(0, 300) + "..." : cleaned;
    }
}
