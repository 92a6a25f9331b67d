package io.jenkins.plugins.securepipeline.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one translation of network exceptions into sentences: every JDK HTTP call in core (registries, token
 * services, iCalendar URLs, IAM Roles Anywhere) goes through it, so a refused connection, an unknown host, TLS spoken
 * to a plain-HTTP server and a timeout read the same everywhere and always name {@code host:port}.
 */
public final class NetworkFailures {
    private NetworkFailures() {}

    /**
     * @param what what was being done, e.g. "read manifest app:1"; part of the message
     * @param uri where it was being done; only scheme, host and port are used (never a path or query, which may be
     *     a presigned URL)
     * @param timeout the deadline that applied, for the message when it passed
     * @param error the failure; a {@link NetworkFailure} is returned as it is
     */
    public static NetworkFailure explain(String what, URI uri, Duration timeout, IOException error) {
        if (error instanceof NetworkFailure known) {
            return known;
        }
        String peer = hostAndPort(uri);
        String doing = what == null || what.isEmpty() ? "" : " (" + what + ")";
        if (error instanceof HttpConnectTimeoutException || error instanceof SocketTimeoutException
                && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            // The connect timeout is the client's own, which may be shorter than the call's deadline: no number here.
            return new NetworkFailure(NetworkFailure.Kind.TIMEOUT, peer, "cannot connect to " + peer
                    + ": the connection timed out" + doing, error);
        }
        if (error instanceof HttpTimeoutException || error instanceof SocketTimeoutException) {
            return new NetworkFailure(NetworkFailure.Kind.TIMEOUT, peer, peer + " did not answer within " + seconds(timeout)
                    + doing, error);
        }
        if (causedBy(error, UnknownHostException.class) || causedBy(error, UnresolvedAddressException.class)) {
            return new NetworkFailure(NetworkFailure.Kind.UNKNOWN_HOST, peer, "cannot connect to " + peer
                    + ": unknown host (DNS cannot resolve " + (uri == null ? "it" : uri.getHost()) + ")" + doing, error);
        }
        if (error instanceof ConnectException || causedBy(error, ConnectException.class)) {
            boolean noRoute = causedBy(error, NoRouteToHostException.class);
            return new NetworkFailure(NetworkFailure.Kind.REFUSED, peer, "cannot connect to " + peer + ": "
                    + (noRoute ? "no route to host" : "connection refused (nothing listens there; check host and port)")
                    + doing, error);
        }
        if (error instanceof SSLException ssl) {
            String message = String.valueOf(ssl.getMessage());
            if (message.contains("Unrecognized SSL message") || message.contains("plaintext connection")) {
                return new NetworkFailure(NetworkFailure.Kind.PLAIN_HTTP_ON_TLS, peer, peer
                        + " answered in plain HTTP, not HTTPS" + doing, error);
            }
            if (ssl instanceof SSLHandshakeException && message.contains("PKIX")) {
                return new NetworkFailure(NetworkFailure.Kind.TLS, peer, "TLS with " + peer
                        + " failed: its certificate is not trusted by this Java's trust store" + doing, error);
            }
            return new NetworkFailure(NetworkFailure.Kind.TLS, peer, "TLS with " + peer + " failed: " + oneLine(message)
                    + doing, error);
        }
        if (error instanceof EOFException || error instanceof SocketException
                || String.valueOf(error.getMessage()).contains("closed") || String.valueOf(error.getMessage()).contains("reset")) {
            return new NetworkFailure(NetworkFailure.Kind.CLOSED, peer, peer + " closed the connection before the answer"
                    + " was complete" + doing, error);
        }
        return new NetworkFailure(NetworkFailure.Kind.OTHER, peer, "network error with " + peer + doing
                + (error.getMessage() == null ? "" : ": " + oneLine(error.getMessage())), error);
    }

    /** A deadline passed while a body was being read; {@code how} says which ("sent nothing for 30s"). */
    static NetworkFailure timedOut(String what, URI uri, String how) {
        String peer = hostAndPort(uri);
        return new NetworkFailure(NetworkFailure.Kind.TIMEOUT, peer, peer + " " + how
                + (what == null || what.isEmpty() ? "" : " (" + what + ")"), null);
    }

    static String seconds(Duration timeout) {
        if (timeout == null) {
            return "the time allowed";
        }
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** {@code host:port}, with the scheme's default port when the URI has none. */
    public static String hostAndPort(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return "the server";
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return uri.getHost() + ":" + port;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
