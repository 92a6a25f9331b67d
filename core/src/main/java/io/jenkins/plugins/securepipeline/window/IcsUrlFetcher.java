package io.jenkins.plugins.securepipeline.window;

import io.jenkins.plugins.securepipeline.net.BoundedHttpGet;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches an iCalendar document over http(s) ({@link BoundedHttpGet}: bounded size, 200 only, one deadline for the
 * whole fetch). Only callers that chose to allow URL imports construct one.
 */
public final class IcsUrlFetcher {
    private final Duration timeout;
    private final int maxBytes;
    private final ProxySelector proxy;

    public IcsUrlFetcher() {
        this(Duration.ofSeconds(20), io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport.MAX_BYTES);
    }

    public IcsUrlFetcher(Duration timeout, int maxBytes) {
        this(timeout, maxBytes, ProxySelector.getDefault());
    }

    /** @param proxy how to reach the URL (on a Jenkins controller: Jenkins' proxy settings) */
    public IcsUrlFetcher(Duration timeout, int maxBytes, ProxySelector proxy) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.proxy = proxy;
    }

    /** @throws InvalidCalendarException saying what went wrong, without a stack trace */
    public String fetch(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidCalendarException("iCalendar URL " + uri + " must be http or https");
        }
        try {
            byte[] bytes = BoundedHttpGet.fetch(uri, timeout, maxBytes, "text/calendar", "iCalendar", proxy);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidCalendarException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidCalendarException("interrupted while fetching iCalendar " + BoundedHttpGet.withoutQuery(uri));
        }
    }
}
