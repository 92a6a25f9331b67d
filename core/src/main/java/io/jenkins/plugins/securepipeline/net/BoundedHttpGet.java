package io.jenkins.plugins.securepipeline.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One GET of a small document an administrator named (an iCalendar feed, a Guard rule pack): 200 only, at most
 * {@code maxBytes}, redirects followed except from https to http, and one deadline for the whole fetch (connecting,
 * the answer and every byte of the body: a server trickling a byte every few seconds is cut off too). Failures are
 * {@link IOException}s whose message says in words what happened and names the host, never the URL's query (it may
 * hold a token).
 */
public final class BoundedHttpGet {
    private BoundedHttpGet() {}

    /** The URL without its query and fragment, for messages. */
    public static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /**
     * @param accept the Accept header
     * @param what what is fetched, for messages ("iCalendar", "Guard rule pack 'cis'")
     * @throws IOException "cannot fetch WHAT URL: HTTP 404", "WHAT URL is larger than N bytes", or "cannot fetch WHAT
     *     from URL: " and the explained network failure
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static byte[] fetch(URI uri, Duration timeout, int maxBytes, String accept, String what)
            throws IOException, InterruptedException {
        return fetch(uri, timeout, maxBytes, accept, what, ProxySelector.getDefault());
    }

    /** As {@link #fetch(URI, Duration, int, String, String)}, through {@code proxy} (Jenkins' proxy settings). */
    public static byte[] fetch(URI uri, Duration timeout, int maxBytes, String accept, String what, ProxySelector proxy)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        // A client per fetch, closed after it: such fetches are rare, and most runs never make one.
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (proxy != null) {
            builder.proxy(proxy);
        }
        HttpClient client = builder
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpResponse<InputStream> response = HttpDeadlines.send(client, request,
                    HttpResponse.BodyHandlers.ofInputStream(), timeout, "");
            try (InputStream body = HttpDeadlines.guardSince(response.body(), uri, timeout, started, "")) {
                if (response.statusCode() != 200) {
                    throw new Refused("cannot fetch " + what + " " + withoutQuery(uri) + ": HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new Refused(what + " " + withoutQuery(uri) + " is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (Refused e) {
            throw new IOException(e.getMessage());
        } catch (IOException e) {
            throw new IOException("cannot fetch " + what + " from " + withoutQuery(uri) + ": "
                    + NetworkFailures.explain("", uri, timeout, e).getMessage());
        } finally {
            JdkHttpClients.close(client);
        }
    }

    /** An answer this class refuses (as opposed to a network failure, which is explained). */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
