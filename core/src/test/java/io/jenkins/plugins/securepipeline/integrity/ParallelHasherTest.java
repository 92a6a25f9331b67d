package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelHasherTest {
    @TempDir
    Path dir;

    private List<String> files(int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "d" + (i % 7) + "/f" + i;
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "content " + i);
            names.add(name);
        }
        return names;
    }

    @Test
    void outcomesComeInRequestOrderBeyondTheWindowOnManyThreads() throws Exception {
        List<String> names = files(8 * 12 + 5);
        names.add(3, "absent");
        // A first file that takes long: the others fill the window of 8 and wait for it.
        Files.write(dir.resolve(names.get(0)), new byte[16 << 20]);
        BaseDirectory base = BaseDirectory.of(dir);
        List<HashOutcome> streamed = new ArrayList<>();
        new ParallelHasher(base, 3, 8).hashInOrder(names.iterator(), DigestAlgorithm.SHA256, streamed::add);
        assertThat(streamed).extracting(HashOutcome::name).containsExactlyElementsOf(names);
        assertThat(streamed).isEqualTo(new ParallelHasher(base, 1).hash(names, DigestAlgorithm.SHA256));
        assertThat(streamed.get(3)).isEqualTo(new HashOutcome.Failed("absent", true, "no such file"));
    }

    @Test
    void batchesGrowWhileFilesAreSmallAndFallBackToOneAfterALargeFile() {
        assertThat(ParallelHasher.nextBatchSize(1, 1, 100)).isEqualTo(2);
        assertThat(ParallelHasher.nextBatchSize(32, 32, 32 * 4096)).isEqualTo(64);
        assertThat(ParallelHasher.nextBatchSize(64, 64, 0)).as("at most").isEqualTo(ParallelHasher.MAX_BATCH);
        assertThat(ParallelHasher.nextBatchSize(8, 3, 0)).as("a short batch (window or end) keeps the size").isEqualTo(8);
        // One large file in a batch: the next ones go one at a time, so large files spread over every thread.
        assertThat(ParallelHasher.nextBatchSize(64, 64, ParallelHasher.SMALL_BATCH_BYTES)).isEqualTo(1);
        assertThat(ParallelHasher.nextBatchSize(1, 1, 8L << 20)).isEqualTo(1);
    }

    @Test
    void batchesNeverTakeMoreThanTheWindowHasRoomFor() throws Exception {
        List<String> names = files(500);
        BaseDirectory base = BaseDirectory.of(dir);
        List<HashOutcome> streamed = new ArrayList<>();
        // A window smaller than a batch: batches shrink to the room left, and order and completeness still hold.
        new ParallelHasher(base, 2, 3).hashInOrder(names.iterator(), DigestAlgorithm.SHA256, streamed::add);
        assertThat(streamed).isEqualTo(new ParallelHasher(base, 1).hash(names, DigestAlgorithm.SHA256));
    }

    @Test
    void namesAreReadAheadOnAThreadOfTheirOwnThatEndsWithTheRun() throws Exception {
        List<String> names = files(300);
        BaseDirectory base = BaseDirectory.of(dir);
        java.util.Set<String> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Iterator<String> watched = new Iterator<>() {
            private final Iterator<String> inner = names.iterator();

            @Override
            public boolean hasNext() {
                readers.add(Thread.currentThread().getName());
                return inner.hasNext();
            }

            @Override
            public String next() {
                return inner.next();
            }
        };
        List<HashOutcome> streamed = new ArrayList<>();
        new ParallelHasher(base, 2).hashInOrder(watched, DigestAlgorithm.SHA256, streamed::add);
        assertThat(streamed).isEqualTo(new ParallelHasher(base, 1).hash(names, DigestAlgorithm.SHA256));
        assertThat(readers).containsExactly("artifact-names");
        // A run that fails (the sink) closes its reader as well.
        assertThatThrownBy(() -> new ParallelHasher(base, 2).hashInOrder(names.iterator(), DigestAlgorithm.SHA256, outcome -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (readerThreadsAlive() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(readerThreadsAlive()).isZero();
    }

    private static long readerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("artifact-names") && t.isAlive()).count();
    }

    @Test
    void anErrorOfTheSourceOfNamesIsNeverReportedAsACompleteResult() throws Exception {
        List<String> names = files(10);
        Iterator<String> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 4) {
                    throw new StackOverflowError("simulated");
                }
                return true;
            }

            @Override
            public String next() {
                return names.get(next++);
            }
        };
        assertThatThrownBy(() -> new ParallelHasher(BaseDirectory.of(dir), 2).hashInOrder(failing, DigestAlgorithm.SHA256, outcome -> { }))
                .isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void theSinksFailureStopsHashingAndIsThrown() throws Exception {
        List<String> names = files(50);
        AtomicInteger accepted = new AtomicInteger();
        assertThatThrownBy(() -> new ParallelHasher(BaseDirectory.of(dir), 2).hashInOrder(names.iterator(), DigestAlgorithm.SHA256,
                outcome -> {
                    if (accepted.incrementAndGet() == 5) {
                        throw new IOException("disk full");
                    }
                })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(accepted.get()).isEqualTo(5);
    }

    @Test
    void aFailingSourceOfNamesIsThrownAsItsCauseNotTakenForTheEnd() throws Exception {
        List<String> names = files(10);
        Iterator<String> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 6) {
                    throw new UncheckedIOException(new IOException("cannot list dir"));
                }
                return true;
            }

            @Override
            public String next() {
                return names.get(next++);
            }
        };
        List<HashOutcome> streamed = new ArrayList<>();
        assertThatThrownBy(() -> new ParallelHasher(BaseDirectory.of(dir), 2).hashInOrder(failing, DigestAlgorithm.SHA256, streamed::add))
                .isInstanceOf(IOException.class).hasMessage("cannot list dir");
        assertThat(streamed.size()).isLessThanOrEqualTo(6);
    }

    @Test
    void anErrorInAWorkerIsNeverReportedAsACompleteResult() throws Exception {
        List<String> names = files(20);
        assertThatThrownBy(() -> new ParallelHasher(BaseDirectory.of(dir), 2).hashInOrder(names.iterator(), DigestAlgorithm.SHA256,
                outcome -> {
                    throw new StackOverflowError("simulated");
                })).isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void anInterruptedCallerStopsAndSaysSo() throws Exception {
        List<String> names = files(200);
        List<HashOutcome> streamed = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new ParallelHasher(BaseDirectory.of(dir), 2).hashInOrder(names.iterator(), DigestAlgorithm.SHA256,
                    streamed::add)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(streamed).isEmpty();
    }

    @Test
    void theResolverRefusesWhatResolveFileRefusesAndChecksEachDirectoryOncePerOperation() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(outside.resolve("secret"), "s");
        Files.createDirectories(base.resolve("sub"));
        Files.writeString(base.resolve("sub/ok"), "ok");
        Files.createSymbolicLink(base.resolve("escape"), outside);
        Files.createSymbolicLink(base.resolve("sub/link"), base.resolve("sub/ok"));
        BaseDirectory strict = BaseDirectory.of(base);
        BaseDirectory following = BaseDirectory.of(base, true);
        for (String name : List.of("escape/secret", "sub/link", "sub", "sub/ok/x", "nope/x", "sub/nope")) {
            for (BaseDirectory directory : List.of(strict, following)) {
                Throwable direct = catchThrowable(() -> directory.resolveFile(name));
                Throwable viaResolver = catchThrowable(() -> directory.resolver().resolveFile(name));
                if (direct == null) {
                    assertThat(viaResolver).as(name).isNull();
                    assertThat(directory.resolver().resolveFile(name)).isEqualTo(directory.resolveFile(name));
                } else {
                    assertThat(viaResolver).as(name).isNotNull().hasSameClassAs(direct).hasMessage(direct.getMessage());
                }
            }
        }
        // A directory checked once is remembered: the link that replaces it later is not looked at again...
        BaseDirectory.Resolver resolver = strict.resolver();
        assertThat(resolver.resolveFile("sub/ok")).isEqualTo(base.resolve("sub/ok"));
        Files.move(base.resolve("sub"), base.resolve("moved"));
        Files.createSymbolicLink(base.resolve("sub"), base.resolve("moved"));
        assertThat(resolver.resolveFile("sub/ok")).isEqualTo(base.resolve("sub/ok"));
        // ...by that resolver; a new one (the next operation) refuses it.
        assertThatThrownBy(() -> strict.resolver().resolveFile("sub/ok")).isInstanceOf(BaseDirectory.RefusedPathException.class);
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }
}
