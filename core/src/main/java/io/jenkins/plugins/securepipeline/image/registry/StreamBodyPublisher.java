package io.jenkins.plugins.securepipeline.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A request body read from a stream in large pieces with a known length. The JDK's
 * {@code BodyPublishers.ofInputStream} hands the client 16 KiB at a time, and the client's per-piece overhead then
 * dominates a large upload; 256 KiB pieces keep memory small (a few pieces per upload in flight) and the CPU free for
 * hashing. Honours the subscriber's demand, so nothing is read ahead of what the connection can send.
 */
final class StreamBodyPublisher implements HttpRequest.BodyPublisher {
    static final int PIECE_SIZE = 256 * 1024;

    private final Supplier<InputStream> opener;
    private final long length;

    StreamBodyPublisher(Supplier<InputStream> opener, long length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive");
        }
        this.opener = opener;
        this.length = length;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Pieces(subscriber));
    }

    private final class Pieces implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private final AtomicBoolean finished = new AtomicBoolean();
        private InputStream in;

        Pieces(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("non-positive request " + n));
                return;
            }
            demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
            // Only one thread reads at a time; a request made from inside onNext is picked up by the loop below.
            if (draining.getAndIncrement() != 0) {
                return;
            }
            do {
                while (demand.get() > 0 && !finished.get()) {
                    ByteBuffer piece;
                    try {
                        piece = next();
                    } catch (IOException | UncheckedIOException e) {
                        fail(e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : e);
                        return;
                    }
                    if (piece == null) {
                        complete();
                        return;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(piece);
                }
            } while (draining.decrementAndGet() != 0);
        }

        private ByteBuffer next() throws IOException {
            if (in == null) {
                in = opener.get();
            }
            byte[] buffer = new byte[PIECE_SIZE];
            int filled = 0;
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled == 0 ? null : ByteBuffer.wrap(buffer, 0, filled);
        }

        private void complete() {
            if (finished.compareAndSet(false, true)) {
                close();
                subscriber.onComplete();
            }
        }

        private void fail(Throwable e) {
            if (finished.compareAndSet(false, true)) {
                close();
                subscriber.onError(e);
            }
        }

        @Override
        public void cancel() {
            finished.set(true);
            close();
        }

        private void close() {
            try {
                if (in != null) {
                    in.close();
                }
            } catch (IOException e) {
                // Nothing more to read from it either way.
            }
        }
    }
}
