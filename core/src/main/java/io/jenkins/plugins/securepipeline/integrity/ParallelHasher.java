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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
    /** How many requests a reading thread takes from the caller's iterator ahead of the workers. */
    static final int PREFETCHED = 2048;
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
     * called by one thread at a time. The iterator may walk a directory tree as it goes
     * ({@link ArtifactSelector#stream}); with more than one thread it is read on a thread of its own, ahead of the
     * workers (at most {@value #PREFETCHED} requests), and workers take requests in small batches.
     *
     * @throws IOException          what the sink threw, or the cause of an {@link UncheckedIOException} from the
     *                              iterator (an unreadable directory); hashing stops at the first of these
     * @throws InterruptedException when the calling thread is interrupted; the other threads stop as well
     */
    public void hashInOrder(Iterator<Request> requests, OutcomeSink sink) throws IOException, InterruptedException {
        // With more than one thread the requests are taken from the iterator on a thread of its own (RequestSource).
        RequestSource source = threads > 1 ? new PrefetchedRequests(requests) : new DirectRequests(requests);
        try {
            hashInOrder(source, sink);
        } finally {
            source.close();
        }
    }

    private void hashInOrder(RequestSource source, OutcomeSink sink) throws IOException, InterruptedException {
        Run run = new Run(source, sink);
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

    /** Where a run's requests come from. Used under the run's lock only, so by one thread at a time. */
    private interface RequestSource {
        /**
         * The next request; null at the end (then {@link #ended()}) or, without {@code wait}, when none is ready yet.
         * A failure of the caller's iterator is thrown as it was thrown.
         */
        Request next(boolean wait) throws InterruptedException;

        boolean ended();

        void close();
    }

    /** The caller's iterator, read by the worker that needs a request. */
    private static final class DirectRequests implements RequestSource {
        private final Iterator<Request> requests;
        private boolean ended;

        DirectRequests(Iterator<Request> requests) {
            this.requests = requests;
        }

        @Override
        public Request next(boolean wait) {
            if (ended || !requests.hasNext()) {
                ended = true;
                return null;
            }
            return requests.next();
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public void close() {}
    }

    /**
     * The caller's iterator, read ahead on a thread of its own into a queue of at most {@value #PREFETCHED}
     * requests. The iterator may walk a directory tree ({@link ArtifactSelector#stream}: a listing and an
     * {@code lstat} per entry, about a fifth of the work per small file); read by the workers under their lock, that
     * walk ran while no other worker could take or hand on anything. The reading thread ends with the iterator, or
     * when the run closes it.
     */
    private static final class PrefetchedRequests implements RequestSource {
        /** After the last request. */
        private static final Object END = new Object();

        /** What the iterator threw, handed to the worker that reaches it. */
        private record Failure(Throwable error) {}

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PREFETCHED);
        private final Thread reader;
        private boolean ended;

        PrefetchedRequests(Iterator<Request> requests) {
            reader = new Thread(() -> read(requests), "artifact-names");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Iterator<Request> requests) {
            try {
                try {
                    while (requests.hasNext()) {
                        queue.put(requests.next());
                    }
                    queue.put(END);
                } catch (RuntimeException | Error e) {
                    queue.put(new Failure(e));
                }
            } catch (InterruptedException e) {
                // The run is over (closed): nobody takes what is left.
            }
        }

        @Override
        public Request next(boolean wait) throws InterruptedException {
            if (ended) {
                return null;
            }
            Object next = wait ? queue.take() : queue.poll();
            if (next == END) {
                ended = true;
                return null;
            }
            if (next instanceof Failure failure) {
                ended = true;
                if (failure.error() instanceof RuntimeException e) {
                    throw e;
                }
                throw (Error) failure.error();
            }
            return (Request) next;
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }

    /** One call of {@link #hashInOrder}: the requests handed out, the outcomes waiting for earlier ones. */
    private final class Run {
        /** The first {@code count} of {@code requests}, numbered from {@code firstIndex}, taken together. */
        record Batch(long firstIndex, Request[] requests, int count) {}

        private final RequestSource source;
        private final OutcomeSink sink;
        private final BaseDirectory.Resolver resolver = base.resolver();
        /** A request {@link #hasMore} looked ahead at, taken by the next {@link #take}. */
        private Request lookedAhead;
        /** Outcome of request i, done but not yet handed on, at i % window. */
        private final HashOutcome[] done = new HashOutcome[window];
        private long handedOut;
        private long handedOn;
        private boolean exhausted;
        private int waitingForRoom;
        private boolean stopped;
        private Throwable failure;

        Run(RequestSource source, OutcomeSink sink) {
            this.source = source;
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
            if (lookedAhead != null) {
                taken[count++] = lookedAhead;
                lookedAhead = null;
            }
            try {
                // Waits for the first request only; the rest of the batch is what is ready.
                Request request;
                while (count < room && (request = source.next(count == 0)) != null) {
                    taken[count++] = request;
                }
            } catch (RuntimeException e) {
                fail(e);
                return null;
            }
            if (source.ended()) {
                exhausted = true;
            }
            if (count == 0) {
                return null;
            }
            Batch batch = new Batch(handedOut, taken, count);
            handedOut += count;
            return batch;
        }

        /** Whether there is a request after the ones handed out (worth starting more threads for). */
        synchronized boolean hasMore() throws InterruptedException {
            if (stopped || exhausted) {
                return false;
            }
            if (lookedAhead == null) {
                try {
                    lookedAhead = source.next(true);
                } catch (RuntimeException e) {
                    fail(e);
                    return false;
                }
            }
            return lookedAhead != null;
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
