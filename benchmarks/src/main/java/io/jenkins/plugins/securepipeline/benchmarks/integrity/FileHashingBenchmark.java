package io.jenkins.plugins.securepipeline.benchmarks.integrity;

import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.FileHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 64 MiB file from the warm page cache through {@link FileHasher}, per algorithm and buffer size: the
 * steady-state speed of the hashing loop without JVM start-up (the whole-process comparison with sha256sum is
 * benchmarks/scripts/verify-artifact-hash.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileHashingBenchmark {
    private static final int FILE_SIZE = 64 * 1024 * 1024;

    @Param({"SHA256", "SHA512"})
    public DigestAlgorithm algorithm;

    @Param({"65536", "262144", "1048576"})
    public int bufferSize;

    private Path file;
    private FileHasher hasher;

    @Setup
    public void createFile() throws IOException {
        file = Files.createTempFile("file-hashing", ".bin");
        byte[] content = new byte[FILE_SIZE];
        new Random(1).nextBytes(content);
        Files.write(file, content);
        hasher = new FileHasher(algorithm, bufferSize);
    }

    @TearDown
    public void deleteFile() throws IOException {
        Files.delete(file);
    }

    /** Operations per second x 64 MiB = MiB/s. */
    @Benchmark
    public FileHasher.HashedFile hash64MiB() throws IOException {
        return hasher.hash(file);
    }
}
