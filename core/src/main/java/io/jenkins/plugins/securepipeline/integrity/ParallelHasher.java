package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hashes many files on several threads. Each worker owns one {@link FileHasher} per algorithm, so memory is
 * {@code threads x buffer size} however many or however large the files are. One failing file never stops the
 * others: its outcome says why.
 *
 * <p>{@link #hashInOrder} hands each outcome on as soon as it and every outcome before it are done, so a caller
 * that writes them out holds no list of them; {@link #hashAll} collects them.
 */
public final class ParallelHasher {
    /**
     * How far hashing may run ahead of the oldest outcome not yet handed on (a large file being hashed while the
     * small ones after it are done): this many outcomes at most wait in memory, whatever the number of files.
     */
    static final int WINDOW = 4096;
    /** The most requests one worker takes at a time (see {@link #nextBatchSize}). */
    static final int MAX_BATCH = 64;
    /** A batch with this many bytes in it was not one of small files (see {@link #nextBatchSize}). */
    static final long SMALL_BATCH_BYTES = 1 << 20;

    private final BaseDirectory base;
    private final int threads;
    private final int window;

    public ParallelHasher(BaseDirectory base) {
        this(base, Runtime.getRuntime().availableProcessors());
    }

    public ParallelHasher(BaseDirectory base, int threads) {
        this(base, threads, WINDOW);
    }

    /** For tests: a small window shows what happens when it is full. */
    ParallelHasher(BaseDirectory base, int threads, int window) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.base = base;
        this.threads = threads;
        this.window = window;
    }

    /** One file to hash with one algorithm. */
    public record Request(String name, DigestAlgorithm algorithm) {}

    /** Where {@link #hashInOrder} hands outcomes to: one at a time, in the order of the requests. */
    @FunctionalInterface
    public interface OutcomeSink {
        void accept(HashOutcome outcome) throws IOException;
    }

    /** Hashes the named files with one algorithm; outcomes are in the order of the names. */
    public List<HashOutcome> hash(List<String> names, DigestAlgorithm algorithm) throws InterruptedException {
        List<Request> requests = new ArrayList<>(names.size());
        for (String name : names) {
            requests.add(new Request(name, algorithm));
        }
        return hashAll(requests);
    }

    /** Outcomes are in the order of the requests. */
    public List<HashOutcome> hashAll(List<Request> requests) throws InterruptedException {
        List<HashOutcome> outcomes = new ArrayList<>(requests.size());
        try {
            hashInOrder(requests.iterator(), outcomes::add);
        } catch (IOException e) {
            // Neither a list's iterator nor adding to a list does I/O.
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableList(outcomes);
    }

    /** {@link #hashInOrder(Iterator, OutcomeSink)} for names that all use one algorithm. */
    public void hashInOrder(Iterator<String> names, DigestAlgorithm algorithm, OutcomeSink sink)
            throws IOException, InterruptedException {
        hashInOrder(new Iterator<Request>() {
            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public Request next() {
                return new Request(names.next(), algorithm);
            }
        }, sink);
    }

    /**
     * Hashes the requests on up to {@code threads} threads, the calling thread being one of them, and hands every
     * outcome to the sink in the order of the requests, as soon as it and all before it are done. The sink is
     * called by one thread at a time. Requests are taken from the iterator in small batches, under a lock, while
     * hashing goes on: the iterator may walk a directory tree as it goes ({@link ArtifactSelector#stream}).
     *
     * @throws IOException          what the sink threw, or the cause of an {@link UncheckedIOException} from the
     *                              iterator (an unreadable directory); hashing stops at the first of these
     * @throws InterruptedException when the calling thread is interrupted; the other threads stop as well
     */
    public void hashInOrder(Iterator<Request> requests, OutcomeSink sink) throws IOException, InterruptedException {
        Run run = new Run(requests, sink);
        Run.Batch first = run.take(1);
        List<Thread> helpers = new ArrayList<>();
        boolean more = first != null && run.hasMore();
        if (more && threads > 1) {
            for (int i = 1; i < threads; i++) {
                Thread helper = new Thread(() -> run.work(null, false), "artifact-hasher-" + i);
                helper.setDaemon(true);
                helper.start();
                helpers.add(helper);
            }
        }
        if (first != null) {
            // One file and more than one core: the spare core reads ahead for the one hashing.
            run.work(first, !more && threads > 1);
        }
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            run.stop();
            helpers.forEach(Thread::interrupt);
            throw e;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("hashing interrupted");
        }
        run.checkComplete();
    }

    /** One call of {@link #hashInOrder}: the requests handed out, the outcomes waiting for earlier ones. */
    private final class Run {
        /** Requests {@code firstIndex ..} taken together; {@code requests} is full unless the requests ran out. */
        record Batch(long firstIndex, Request[] requests, int count) {}

        private final Iterator<Request> requests;
        private final OutcomeSink sink;
        private final BaseDirectory.Resolver resolver = base.resolver();
        /** Outcome of request i, done but not yet handed on, at i % window. */
        private final HashOutcome[] done = new HashOutcome[window];
        private long handedOut;
        private long handedOn;
        private boolean exhausted;
        private int waitingForRoom;
        private boolean stopped;
        private Throwable failure;

        Run(Iterator<Request> requests, OutcomeSink sink) {
            this.requests = requests;
            this.sink = sink;
        }

        /**
         * Hashes {@code first} (when given), then whatever it can take, until the requests or the run end. Requests
         * are taken in batches that grow while the files are small ({@link #nextBatchSize}): one lock round trip per
         * batch instead of two per file, which is most of what a tree of small files costs beyond the reading.
         */
        void work(Batch first, boolean readAhead) {
            Map<DigestAlgorithm, FileHasher> hashers = new EnumMap<>(DigestAlgorithm.class);
            HashOutcome[] outcomes = new HashOutcome[MAX_BATCH];
            int batchSize = 1;
            try {
                Batch batch = first != null ? first : take(batchSize);
                while (batch != null) {
                    long bytes = 0;
                    for (int i = 0; i < batch.count(); i++) {
                        Request request = batch.requests()[i];
                        FileHasher hasher = hashers.computeIfAbsent(request.algorithm(),
                                algorithm -> new FileHasher(algorithm, FileHasher.DEFAULT_BUFFER_SIZE, readAhead));
                        outcomes[i] = hashOne(hasher, resolver, request.name());
                        if (outcomes[i] instanceof HashOutcome.Hashed hashed) {
                            bytes += hashed.size();
                        }
                    }
                    complete(batch.firstIndex(), outcomes, batch.count());
                    batchSize = nextBatchSize(batchSize, batch.count(), bytes);
                    batch = take(batchSize);
                }
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                // An Error (e.g. OutOfMemoryError) in one worker: never report a partial result as complete.
                fail(e);
            }
        }

        /**
         * Up to {@code max} next requests, or null when there are none left, the run has stopped, or this thread
         * was interrupted. Waits while the window is full, and never takes more than the window has room for.
         */
        synchronized Batch take(int max) throws InterruptedException {
            while (!stopped && !exhausted && handedOut - handedOn >= window) {
                waitingForRoom++;
                try {
                    wait();
                } finally {
                    waitingForRoom--;
                }
            }
            if (stopped || exhausted || Thread.currentThread().isInterrupted()) {
                return null;
            }
            int room = (int) Math.min(max, window - (handedOut - handedOn));
            Request[] taken = new Request[room];
            int count = 0;
            try {
                while (count < room && requests.hasNext()) {
                    taken[count++] = requests.next();
                }
            } catch (RuntimeException e) {
                fail(e);
                return null;
            }
            if (count < room) {
                exhausted = true;
                if (count == 0) {
                    return null;
                }
            }
            Batch batch = new Batch(handedOut, taken, count);
            handedOut += count;
            return batch;
        }

        /** Whether there is a request after the ones handed out (worth starting more threads for). */
        synchronized boolean hasMore() {
            try {
                return !stopped && !exhausted && requests.hasNext();
            } catch (RuntimeException e) {
                fail(e);
                return false;
            }
        }

        /** Records the outcomes of a batch and hands on every outcome that is now next in order. */
        synchronized void complete(long firstIndex, HashOutcome[] outcomes, int count) {
            if (stopped) {
                return;
            }
            for (int i = 0; i < count; i++) {
                done[(int) ((firstIndex + i) % window)] = outcomes[i];
                outcomes[i] = null;
            }
            boolean handedOnAny = false;
            HashOutcome next;
            while (!stopped && (next = done[(int) (handedOn % window)]) != null) {
                done[(int) (handedOn % window)] = null;
                handedOn++;
                handedOnAny = true;
                try {
                    sink.accept(next);
                } catch (IOException | RuntimeException e) {
                    fail(e);
                }
            }
            if (handedOnAny && waitingForRoom > 0) {
                notifyAll();
            }
        }

        synchronized void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            stop();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        /** Throws the run's failure, if any; afterwards every request was handed on. */
        synchronized void checkComplete() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof UncheckedIOException e) {
                throw e.getCause();
            }
            if (failure != null) {
                throw new IllegalStateException("a hashing thread failed: " + failure, failure);
            }
            if (!exhausted || handedOn != handedOut) {
                throw new IllegalStateException("hashing stopped before every file was hashed");
            }
        }
    }

    /**
     * The size of a worker's next batch: doubled (up to {@value #MAX_BATCH}) after a full batch of small files,
     * back to one after a batch with as many bytes as one large file. So a tree of small files is taken 64 files
     * at a time, while a few large files are still spread one at a time over every thread (a batch holds its
     * files on one thread).
     */
    static int nextBatchSize(int size, int taken, long bytes) {
        if (bytes >= SMALL_BATCH_BYTES) {
            return 1;
        }
        return taken < size ? size : Math.min(MAX_BATCH, size * 2);
    }

    private static HashOutcome hashOne(FileHasher hasher, BaseDirectory.Resolver resolver, String name) {
        try {
            FileHasher.HashedFile hashed = hasher.hash(resolver.resolveFile(name));
            return new HashOutcome.Hashed(name, hashed.size(), hashed.digest());
        } catch (NoSuchFileException e) {
            return new HashOutcome.Failed(name, true, "no such file");
        } catch (AccessDeniedException e) {
            return new HashOutcome.Failed(name, false, "permission denied");
        } catch (BaseDirectory.RefusedPathException e) {
            return new HashOutcome.Failed(name, false, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new HashOutcome.Failed(name, false, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
