package io.jenkins.plugins.securepipeline.net;

import java.io.IOException;

/**
 * A network call that failed before any answer could be used, in one line that names the host and port, what was
 * being done and what happened: "registry.example:443 did not answer within 30s (read manifest app:1)". Never a Java
 * class name, never a stack trace. Built by {@link NetworkFailures#explain}.
 *
 * <p>It can come back from a Jenkins agent (a push runs there), so it holds JDK types only: the kind as its name.
 * Jenkins' class filter rejects any other class of the bundled core jar inside an exception.
 */
public final class NetworkFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that add advice of their own (the CLI suggests --insecure-http). */
    public enum Kind {
        /** No connection, or no answer, within the deadline. */
        TIMEOUT,
        /** The host refused the connection: nothing listens on that port. */
        REFUSED,
        /** DNS does not know the host. */
        UNKNOWN_HOST,
        /** TLS was spoken to a server that answered in plain HTTP. */
        PLAIN_HTTP_ON_TLS,
        /** The TLS handshake failed (certificate not trusted, protocol mismatch). */
        TLS,
        /** The connection was closed or reset before the answer was complete. */
        CLOSED,
        /** Any other I/O failure. */
        OTHER
    }

    private final String kind;
    private final String hostAndPort;

    NetworkFailure(Kind kind, String hostAndPort, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind.name();
        this.hostAndPort = hostAndPort;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    /** {@code host:port} of the peer. */
    public String hostAndPort() {
        return hostAndPort;
    }

    /** Timeouts and closed connections may go away on a second try; a refused or unknown host will not. */
    public boolean isTransient() {
        return kind() == Kind.CLOSED || kind() == Kind.OTHER;
    }
}
