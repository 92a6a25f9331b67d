package io.jenkins.plugins.securepipeline.benchmarks.integrity;

import io.jenkins.plugins.securepipeline.integrity.ArtifactSelector;
import io.jenkins.plugins.securepipeline.integrity.BaseDirectory;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumVerifier;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.ParallelHasher;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
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
 * What the Jenkins agent runs for verifyArtifactHash, in one warm JVM: the engine calls of the plugin's
 * {@code WorkspaceHashing.HashFiles} (select the files, hash them on every core, collect the outcomes) and
 * {@code VerifyEntries} with {@code exact} (list the tree, hash the listed files, judge each). Only the conversion
 * into the plugin's transfer types is left out (the plugin does not build here). This is the engine's own speed,
 * which the whole-process figures of benchmarks/scripts/hash-peers.sh include along with JVM start-up.
 *
 * <p>Shapes: {@code smallFiles}, 10,000 files of 0-4 KiB in 10 directories (about 20 MB); {@code oneLargeFile}, one
 * file of 256 MiB. Time per call; files/s = files / time, MiB/s = size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx256m"})
public class AgentHashingBenchmark {
    @Param({"smallFiles", "oneLargeFile"})
    public String shape;

    private Path directory;
    private BaseDirectory base;
    private List<ChecksumEntry> expected;

    @Setup
    public void createFiles() throws Exception {
        directory = Files.createTempDirectory("agent-hashing");
        Random random = new Random(18);
        if (shape.equals("smallFiles")) {
            for (int i = 0; i < 10_000; i++) {
                Path file = directory.resolve(String.format("d%03d/f%04d.bin", i / 1000, i % 1000));
                Files.createDirectories(file.getParent());
                byte[] content = new byte[random.nextInt(4096)];
                random.nextBytes(content);
                Files.write(file, content);
            }
        } else {
            byte[] content = new byte[1 << 20];
            try (var out = Files.newOutputStream(directory.resolve("large.bin"))) {
                for (int i = 0; i < 256; i++) {
                    random.nextBytes(content);
                    out.write(content);
                }
            }
        }
        base = BaseDirectory.of(directory);
        expected = new ArrayList<>();
        for (HashOutcome outcome : hashFiles()) {
            HashOutcome.Hashed hashed = (HashOutcome.Hashed) outcome;
            expected.add(new ChecksumEntry(hashed.name(), hashed.digest(), OptionalLong.empty()));
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

    /** {@code WorkspaceHashing.HashFiles.invoke}: select ".", hash with SHA-256 on every core. */
    @Benchmark
    public List<HashOutcome> hashFiles() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>(new ArtifactSelector(base).select(List.of(".")).files());
        return new ParallelHasher(base).hash(names, DigestAlgorithm.SHA256);
    }

    /** {@code WorkspaceHashing.VerifyEntries.invoke} with {@code exact}: every listed file matches, none unexpected. */
    @Benchmark
    public VerificationReport verifyExactSet() throws IOException, InterruptedException {
        VerificationReport report = new ChecksumVerifier(base).verifyExactSet(expected, Set.of());
        if (!report.passed()) {
            throw new IllegalStateException(report.summary());
        }
        return report;
    }
}
