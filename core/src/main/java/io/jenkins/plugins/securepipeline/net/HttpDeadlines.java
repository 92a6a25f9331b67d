package io.jenkins.plugins.securepipeline.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that gives every JDK HTTP call of core a deadline. The JDK's own request timeout ends when the
 * response headers arrive; a server that sends headers and then one byte every few seconds, or that reads an upload
 * and never answers, would hold the caller forever. Here:
 *
 * <ul>
 *   <li>{@link #send} waits for the whole exchange (for a body handler that reads the body, the body too) no longer
 *       than the timeout <em>since the last progress</em>: for an upload, progress is each chunk of the body read by
 *       the publisher ({@link Activity#touch()}); otherwise the start of the call. When the time is up the exchange is
 *       cancelled (the JDK then closes the connection) and a {@link NetworkFailure} names host and port.</li>
 *   <li>{@link #guard} bounds a streamed body: reading it fails once the deadline passes, or (for large blobs) once
 *       no byte arrived for the timeout.</li>
 * </ul>
 *
 * Failures of any kind come back translated by {@link NetworkFailures}. JDK only.
 */
public final class HttpDeadlines {
    private static final long POLL_MILLIS = 250;
    /** One daemon thread closes streams whose deadline passed; it never blocks on I/O itself. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private HttpDeadlines() {}

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "secure-pipeline-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(5, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** When a call last made progress, for uploads whose body takes longer than the timeout to send. */
    public static final class Activity {
        private final AtomicLong last = new AtomicLong(System.nanoTime());

        public void touch() {
            last.set(System.nanoTime());
        }

        /** A stream (an upload body) whose every read counts as progress. */
        public InputStream touchedByReads(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    touch();
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    touch();
                    return n;
                }
            };
        }

        long idleNanos() {
            return System.nanoTime() - last.get();
        }
    }

    /** {@link #send(HttpClient, HttpRequest, HttpResponse.BodyHandler, Duration, String, Activity)} with no upload. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler,
            Duration timeout, String what) throws IOException, InterruptedException {
        return send(client, request, handler, timeout, what, new Activity());
    }

    /**
     * Sends a request and waits for its response no longer than {@code timeout} without progress.
     *
     * @param what what the call does, for messages ("read manifest app:1")
     * @throws NetworkFailure when the network failed or the time ran out; HTTP errors are responses, not failures
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler,
            Duration timeout, String what, Activity activity) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> response = client.sendAsync(request, handler);
        try {
            while (true) {
                try {
                    return response.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (activity.idleNanos() > timeout.toNanos()) {
                        response.cancel(true);
                        throw NetworkFailures.explain(what, request.uri(), timeout,
                                new HttpTimeoutException("no answer within " + timeout));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw NetworkFailures.explain(what, request.uri(), timeout, io);
            }
            if (cause instanceof IllegalArgumentException || cause instanceof SecurityException) {
                throw (RuntimeException) cause;
            }
            // As HttpClient.send does: anything else that ended the exchange (a failing body publisher) is an I/O error.
            throw NetworkFailures.explain(what, request.uri(), timeout, new IOException(cause.getMessage(), cause));
        } catch (CancellationException e) {
            throw NetworkFailures.explain(what, request.uri(), timeout, new HttpTimeoutException("cancelled"));
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
    }

    /**
     * A body stream that ends with a {@link NetworkFailure} when {@code timeout} passes: counted from now when
     * {@code idle} is false (a document must arrive whole within it), or from the last byte read when true (a large
     * blob may take long, but must not stall). Closing the stream stops the watch.
     */
    public static InputStream guard(InputStream body, URI uri, Duration timeout, boolean idle, String what) {
        return new GuardedStream(body, uri, timeout, idle, what, System.nanoTime());
    }

    /** A body that must be complete {@code timeout} after {@code startedNanos} ({@link System#nanoTime()}). */
    public static InputStream guardSince(InputStream body, URI uri, Duration timeout, long startedNanos, String what) {
        return new GuardedStream(body, uri, timeout, false, what, startedNanos);
    }

    private static final class GuardedStream extends FilterInputStream {
        private final URI uri;
        private final Duration timeout;
        private final boolean idle;
        private final String what;
        private final long start;
        private final AtomicLong lastRead;
        private volatile boolean expired;
        private volatile boolean closed;
        private volatile ScheduledFuture<?> check;

        GuardedStream(InputStream in, URI uri, Duration timeout, boolean idle, String what, long start) {
            super(in);
            this.uri = uri;
            this.timeout = timeout;
            this.idle = idle;
            this.what = what;
            this.start = start;
            this.lastRead = new AtomicLong(start);
            schedule(timeout.toNanos() - (System.nanoTime() - start));
        }

        private void schedule(long delayNanos) {
            check = WATCHDOG.schedule(this::checkDeadline, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
        }

        private void checkDeadline() {
            if (closed) {
                return;
            }
            long from = idle ? lastRead.get() : start;
            long left = timeout.toNanos() - (System.nanoTime() - from);
            if (left > 0) {
                schedule(left);
                return;
            }
            expired = true;
            try {
                // Closing the JDK's body stream cancels the exchange and wakes a reader blocked in it.
                in.close();
            } catch (IOException | RuntimeException e) {
                // the reader sees the expiry either way
            }
        }

        private void progressed(int n) throws IOException {
            if (expired) {
                throw NetworkFailures.timedOut(what, uri, idle ? "sent nothing for " + NetworkFailures.seconds(timeout)
                        : "did not send the whole answer within " + NetworkFailures.seconds(timeout));
            }
            if (n > 0) {
                lastRead.set(System.nanoTime());
            }
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                progressed(0);
                throw NetworkFailures.explain(what, uri, timeout, e);
            }
            progressed(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                progressed(0);
                throw NetworkFailures.explain(what, uri, timeout, e);
            }
            // A stream closed by the watchdog reports end of file: that must not pass for a complete body.
            progressed(n);
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            ScheduledFuture<?> pending = check;
            if (pending != null) {
                pending.cancel(false);
            }
            super.close();
        }
    }
}
