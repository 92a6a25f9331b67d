package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes many files on several threads. Each worker owns one {@link FileHasher} per algorithm, so memory is
 * {@code threads x buffer size} however many or however large the files are. One failing file never stops the
 * others: its outcome says why.
 */
public final class ParallelHasher {
    private final BaseDirectory base;
    private final int threads;

    public ParallelHasher(BaseDirectory base) {
        this(base, Runtime.getRuntime().availableProcessors());
    }

    public ParallelHasher(BaseDirectory base, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.base = base;
        this.threads = threads;
    }

    /** One file to hash with one algorithm. */
    public record Request(String name, DigestAlgorithm algorithm) {}

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
        HashOutcome[] outcomes = new HashOutcome[requests.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            Map<DigestAlgorithm, FileHasher> hashers = new EnumMap<>(DigestAlgorithm.class);
            int index;
            while ((index = next.getAndIncrement()) < requests.size() && !Thread.currentThread().isInterrupted()) {
                Request request = requests.get(index);
                FileHasher hasher = hashers.computeIfAbsent(request.algorithm(), FileHasher::new);
                outcomes[index] = hashOne(hasher, request.name());
            }
        };
        int workers = Math.min(threads, requests.size());
        if (workers <= 1) {
            worker.run();
        } else {
            runOnThreads(worker, workers);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("hashing interrupted");
        }
        for (HashOutcome outcome : outcomes) {
            if (outcome == null) {
                // A worker died of an Error (e.g. OutOfMemoryError): never report a partial result as complete.
                throw new IllegalStateException("a hashing thread failed; see the log for its error");
            }
        }
        return List.of(outcomes);
    }

    private static void runOnThreads(Runnable worker, int count) throws InterruptedException {
        List<Thread> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(worker, "artifact-hasher-" + i);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        try {
            for (Thread thread : started) {
                thread.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            throw e;
        }
    }

    private HashOutcome hashOne(FileHasher hasher, String name) {
        try {
            FileHasher.HashedFile hashed = hasher.hash(base.resolveFile(name));
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
