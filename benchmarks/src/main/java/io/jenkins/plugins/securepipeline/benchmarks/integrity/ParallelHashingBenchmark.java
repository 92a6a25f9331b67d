package io.jenkins.plugins.securepipeline.benchmarks.integrity;

import io.jenkins.plugins.securepipeline.integrity.BaseDirectory;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.ParallelHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Many files hashed on 1 and 2 threads (the page cache is warm after the first iteration): shows whether
 * {@link ParallelHasher} scales across cores. Throughput in MiB/s = files x size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParallelHashingBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"256"})
    public int files;

    @Param({"1048576"})
    public int fileSize;

    private Path directory;
    private BaseDirectory base;
    private List<String> names;

    @Setup
    public void createFiles() throws IOException {
        directory = Files.createTempDirectory("parallel-hashing");
        base = BaseDirectory.of(directory);
        names = new ArrayList<>();
        byte[] content = new byte[fileSize];
        Random random = new Random(1);
        for (int i = 0; i < files; i++) {
            random.nextBytes(content);
            String name = "file-" + i + ".bin";
            Files.write(directory.resolve(name), content);
            names.add(name);
        }
    }

    @TearDown
    public void deleteFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public List<HashOutcome> hashAllFiles() throws InterruptedException {
        return new ParallelHasher(base, threads).hash(names, DigestAlgorithm.SHA256);
    }
}
