package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real GNU coreutils tools on random files with awkward names, in both directions: what
 * {@code sha256sum}/{@code sha512sum} write verifies here, and what we write passes {@code sha256sum -c}.
 */
class CoreutilsInteropTest {
    static final List<String> AWKWARD_NAMES = List.of(
            "plain.jar", "with space.tar.gz", " leading space", "trailing space ", "ünïcødé-名前-😀.bin",
            "new\nline", "back\\slash", "both\\and\nnewline", "*leading-star", "cr\rname", "tab\tname",
            "(parens) = tricky", "dir/sub dir/nested\\file");

    @TempDir
    Path dir;

    @BeforeEach
    void randomFiles() throws Exception {
        Random random = new Random();
        for (String name : AWKWARD_NAMES) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            byte[] content = new byte[random.nextInt(200_000)];
            random.nextBytes(content);
            Files.write(file, content);
        }
    }

    private ExternalTool.Builder tool(String... command) {
        return new ExternalTool.Builder(dir, command);
    }

    @Test
    void whatSha256sumAndSha512sumWriteVerifiesHere() throws Exception {
        for (String tool : List.of("sha256sum", "sha512sum")) {
            for (boolean tag : List.of(false, true)) {
                List<String> command = new ArrayList<>(List.of(tool));
                if (tag) {
                    command.add("--tag");
                }
                command.add("--");
                command.addAll(AWKWARD_NAMES);
                ExternalTool.Result result = tool(command.toArray(String[]::new)).run();
                assertThat(result.exitCode()).as(result.stderr()).isZero();

                List<ChecksumEntry> entries = CoreutilsChecksumFile.read(
                        new ByteArrayInputStream(result.stdout()), tool + " output", ChecksumLimits.DEFAULT);
                assertThat(entries).extracting(ChecksumEntry::name).containsExactlyElementsOf(AWKWARD_NAMES);
                VerificationReport report = new ChecksumVerifier(BaseDirectory.of(dir)).verify(entries);
                assertThat(report.passed()).as(report.toString()).isTrue();
                assertThat(report.verdicts()).hasSize(AWKWARD_NAMES.size());
            }
        }
    }

    @Test
    void whatWeWritePassesSha256sumCheckAndATamperedFileFailsBoth() throws Exception {
        for (DigestAlgorithm algorithm : List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512)) {
            for (ChecksumFormat format : List.of(ChecksumFormat.GNU, ChecksumFormat.BSD)) {
                List<ChecksumEntry> entries = hashAll(algorithm);
                Path sums = dir.resolve("../SUMS-" + algorithm + "-" + format).normalize();
                try (var out = Files.newOutputStream(sums)) {
                    CoreutilsChecksumFile.write(entries, format, out);
                }
                String tool = algorithm.id() + "sum";
                ExternalTool.Result check = tool(tool, "--strict", "-c", sums.toString()).run();
                assertThat(check.exitCode()).as(check.stderr() + new String(check.stdout(), StandardCharsets.UTF_8)).isZero();
                assertThat(new String(check.stdout(), StandardCharsets.UTF_8).split("\n")).hasSize(AWKWARD_NAMES.size())
                        .allMatch(line -> line.endsWith(": OK"));
            }
        }
        Files.write(dir.resolve("new\nline"), new byte[] {1, 2, 3});
        Path sums = dir.resolve("../SUMS-sha256-GNU").normalize();
        assertThat(tool("sha256sum", "-c", sums.toString()).run().exitCode()).isEqualTo(1);
        List<ChecksumEntry> entries = CoreutilsChecksumFile.read(Files.newInputStream(sums), "SUMS", ChecksumLimits.DEFAULT);
        VerificationReport report = new ChecksumVerifier(BaseDirectory.of(dir)).verify(entries);
        assertThat(report.verdicts()).filteredOn(v -> !v.isMatch()).singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("new\nline"))
                .satisfies(v -> assertThat(v.status()).isEqualTo(FileVerdict.Status.MISMATCH));
    }

    @Test
    void ourDigestsEqualTheToolsDigestsLineForLine() throws Exception {
        List<ChecksumEntry> ours = hashAll(DigestAlgorithm.SHA256);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CoreutilsChecksumFile.write(ours, ChecksumFormat.GNU, written);
        List<String> sortedNames = ours.stream().map(ChecksumEntry::name).toList();
        List<String> command = new ArrayList<>(List.of("sha256sum", "--"));
        command.addAll(sortedNames);
        ExternalTool.Result theirs = tool(command.toArray(String[]::new)).run();
        assertThat(written.toByteArray()).isEqualTo(theirs.stdout());
    }

    private List<ChecksumEntry> hashAll(DigestAlgorithm algorithm) throws Exception {
        BaseDirectory base = BaseDirectory.of(dir);
        List<String> names = new ArtifactSelector(base).select(List.of(".")).files();
        List<ChecksumEntry> entries = new ArrayList<>();
        for (HashOutcome outcome : new ParallelHasher(base, 2).hash(names, algorithm)) {
            HashOutcome.Hashed hashed = (HashOutcome.Hashed) outcome;
            entries.add(new ChecksumEntry(hashed.name(), hashed.digest()));
        }
        return entries;
    }
}
