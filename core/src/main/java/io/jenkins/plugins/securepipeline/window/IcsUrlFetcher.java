package io.jenkins.plugins.securepipeline.window;

import io.jenkins.plugins.securepipeline.net.HttpDeadlines;
import io.jenkins.plugins.securepipeline.net.JdkHttpClients;
import io.jenkins.plugins.securepipeline.net.NetworkFailures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches an iCalendar document over http(s) with the JDK client: bounded size, 200 only, redirects followed except
 * from https to http, and one deadline for the whole fetch (connecting, the answer and every byte of the body: a
 * server trickling a byte every few seconds is cut off too). Only callers that chose to allow URL imports construct
 * one.
 */
public final class IcsUrlFetcher {
    private final Duration timeout;
    private final int maxBytes;

    public IcsUrlFetcher() {
        this(Duration.ofSeconds(20), io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport.MAX_BYTES);
    }

    public IcsUrlFetcher(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** @throws InvalidCalendarException saying what went wrong, without a stack trace */
    public String fetch(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidCalendarException("iCalendar URL " + uri + " must be http or https");
        }
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/calendar").GET().build();
        // A client per fetch, closed after it: imports are rare, and most runs that could import never do.
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpResponse<InputStream> response = HttpDeadlines.send(client, request,
                    HttpResponse.BodyHandlers.ofInputStream(), timeout, "");
            try (InputStream body = HttpDeadlines.guardSince(response.body(), uri, timeout, started, "")) {
                if (response.statusCode() != 200) {
                    throw new InvalidCalendarException("cannot fetch iCalendar " + uri + ": HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new InvalidCalendarException("iCalendar " + uri + " is larger than " + maxBytes + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // Host and port, and what happened, in words; the URL's query (it may hold a secret token) is not repeated.
            throw new InvalidCalendarException("cannot fetch iCalendar from " + withoutQuery(uri) + ": "
                    + NetworkFailures.explain("", uri, timeout, e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidCalendarException("interrupted while fetching iCalendar " + uri);
        } finally {
            JdkHttpClients.close(client);
        }
    }
}
