package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {
    @TempDir
    Path dir;

    @Test
    void knownVectorsForEveryAlgorithm() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc"), "abc");
        assertThat(new FileHasher(DigestAlgorithm.SHA256).hash(abc).digest()).hasToString(
                "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(new FileHasher(DigestAlgorithm.SHA384).hash(abc).digest()).hasToString("sha384:"
                + "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        assertThat(new FileHasher(DigestAlgorithm.SHA512).hash(abc).digest()).hasToString("sha512:"
                + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f");
    }

    @Test
    void emptyFile() throws Exception {
        FileHasher.HashedFile hashed = new FileHasher(DigestAlgorithm.SHA256).hash(Files.createFile(dir.resolve("empty")));
        assertThat(hashed.size()).isZero();
        assertThat(hashed.digest().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void fileSpanningManyBuffersHashesLikeTheWholeArrayAndTheHasherIsReusable() throws Exception {
        byte[] content = new byte[3 * 4096 + 123];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("data"), content);
        FileHasher hasher = new FileHasher(DigestAlgorithm.SHA512, 4096);
        byte[] expected = MessageDigest.getInstance("SHA-512").digest(content);
        for (int run = 0; run < 2; run++) {
            FileHasher.HashedFile hashed = hasher.hash(file);
            assertThat(hashed.size()).isEqualTo(content.length);
            assertThat(hashed.digest().value()).isEqualTo(expected);
        }
    }

    @Test
    void refusesToOpenASymbolicLinkAsTheLastComponent() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileHasher(DigestAlgorithm.SHA256).hash(link))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void readingAheadOnASecondThreadHashesLikeReadingInline() throws Exception {
        byte[] content = new byte[(int) FileHasher.READ_AHEAD_MIN_SIZE + 3 * (1 << 20) + 17];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("large"), content);
        FileHasher readingAhead = new FileHasher(DigestAlgorithm.SHA256, FileHasher.DEFAULT_BUFFER_SIZE, true);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(content);
        for (int run = 0; run < 2; run++) {
            FileHasher.HashedFile hashed = readingAhead.hash(file);
            assertThat(hashed.size()).isEqualTo(content.length);
            assertThat(hashed.digest().value()).isEqualTo(expected);
        }
        // A small file is read inline even when reading ahead is allowed.
        Path small = Files.writeString(dir.resolve("small"), "abc");
        assertThat(readingAhead.hash(small).digest()).hasToString(
                "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anInterruptedHashingThreadStopsItsReaderAndSaysSo() throws Exception {
        long size = 64L << 20;
        Path file = Files.write(dir.resolve("large"), new byte[(int) size]);
        FileHasher readingAhead = new FileHasher(DigestAlgorithm.SHA256, FileHasher.DEFAULT_BUFFER_SIZE, true);
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread hashing = new Thread(() -> {
            try {
                outcome.set(readingAhead.hash(file));
            } catch (java.io.IOException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? e : new AssertionError("interrupt flag lost", e));
            }
        });
        hashing.start();
        while (!readerAlive() && hashing.isAlive()) {
            Thread.onSpinWait();
        }
        hashing.interrupt();
        hashing.join(10_000);
        assertThat(hashing.isAlive()).isFalse();
        // Either it was stopped (an IOException, the interrupt kept) or it had just finished: never a wrong result.
        assertThat(outcome.get()).satisfiesAnyOf(
                result -> assertThat(result).isInstanceOf(java.io.IOException.class),
                result -> assertThat(((FileHasher.HashedFile) result).size()).isEqualTo(size));
        for (int i = 0; i < 200 && readerAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(readerAlive()).as("the reading thread has ended").isFalse();
        assertThat(readingAhead.hash(file).size()).as("the hasher is usable afterwards").isEqualTo(size);
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("artifact-reader") && t.isAlive());
    }
}
