package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.integrity.FileVerdict.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumVerifierTest {
    @TempDir
    Path dir;

    private ChecksumEntry entryFor(String name, String content) throws Exception {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new ChecksumEntry(name, new ArtifactDigest(DigestAlgorithm.SHA256,
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)), OptionalLong.of(bytes.length));
    }

    @Test
    void everyFileGetsAVerdictAndOneProblemNeverStopsTheRest() throws Exception {
        Files.writeString(dir.resolve("match.jar"), "good");
        Files.writeString(dir.resolve("changed.jar"), "tampered");
        Files.createDirectories(dir.resolve("adir"));
        Files.writeString(dir.resolve("real.jar"), "real");
        Files.createSymbolicLink(dir.resolve("link.jar"), dir.resolve("real.jar"));
        Files.writeString(dir.resolve("extra.jar"), "not listed");
        List<ChecksumEntry> expected = List.of(
                entryFor("changed.jar", "original"),
                entryFor("missing.jar", "gone"),
                entryFor("adir", "a directory"),
                entryFor("link.jar", "real"),
                entryFor("match.jar", "good"));

        VerificationReport report = new ChecksumVerifier(BaseDirectory.of(dir)).verifyExactSet(expected, Set.of("real.jar"));

        assertThat(report.passed()).isFalse();
        assertThat(report.verdicts()).extracting(FileVerdict::name, FileVerdict::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("changed.jar", Status.MISMATCH),
                org.assertj.core.groups.Tuple.tuple("missing.jar", Status.MISSING),
                org.assertj.core.groups.Tuple.tuple("adir", Status.UNREADABLE),
                org.assertj.core.groups.Tuple.tuple("link.jar", Status.UNREADABLE),
                org.assertj.core.groups.Tuple.tuple("match.jar", Status.MATCH),
                org.assertj.core.groups.Tuple.tuple("extra.jar", Status.UNEXPECTED));
        FileVerdict changed = report.verdicts().get(0);
        assertThat(changed.expected()).isEqualTo(expected.get(0).digest());
        assertThat(changed.actual()).isNotNull().isNotEqualTo(changed.expected());
        assertThat(report.verdicts().get(2).detail()).isEqualTo("is a directory");
        assertThat(report.verdicts().get(3).detail()).contains("symbolic links are not followed");
        assertThat(report.summary()).isEqualTo("6 files: 1 MATCH, 1 MISMATCH, 1 MISSING, 1 UNEXPECTED, 2 UNREADABLE");
    }

    @Test
    void withoutExactSetUnlistedFilesAreIgnored() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        Files.writeString(dir.resolve("b"), "b");
        VerificationReport report = new ChecksumVerifier(BaseDirectory.of(dir)).verify(List.of(entryFor("a", "a")));
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("1 file: 1 MATCH");
    }

    @Test
    void aSizeDifferenceIsAMismatchEvenWhenTheDigestMatches() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        ChecksumEntry right = entryFor("a", "a");
        ChecksumEntry wrongSize = new ChecksumEntry("a", right.digest(), OptionalLong.of(2));
        FileVerdict verdict = new ChecksumVerifier(BaseDirectory.of(dir)).verify(List.of(wrongSize)).verdicts().get(0);
        assertThat(verdict.status()).isEqualTo(Status.MISMATCH);
        assertThat(verdict.detail()).isEqualTo("size 1 bytes, expected 2");
    }

    @Test
    void eachEntryIsHashedWithTheAlgorithmItNames() throws Exception {
        Files.writeString(dir.resolve("abc"), "abc");
        ArtifactDigest sha384 = ArtifactDigest.parse("sha384:cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7");
        FileVerdict verdict = new ChecksumVerifier(BaseDirectory.of(dir)).verify(List.of(new ChecksumEntry("abc", sha384)))
                .verdicts().get(0);
        assertThat(verdict.status()).isEqualTo(Status.MATCH);
        assertThat(verdict.actual().algorithm()).isEqualTo(DigestAlgorithm.SHA384);
    }

    @Test
    void anEmptyListNeverPasses() throws Exception {
        assertThat(new ChecksumVerifier(BaseDirectory.of(dir)).verify(List.of()).passed()).isFalse();
    }

    @Test
    void manyFilesOnSeveralThreadsGiveTheSameResultsAsOne() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Files.writeString(dir.resolve("f" + i), "content " + i);
            names.add("f" + i);
        }
        names.add("absent");
        BaseDirectory base = BaseDirectory.of(dir);
        List<HashOutcome> parallel = new ParallelHasher(base, 4).hash(names, DigestAlgorithm.SHA512);
        List<HashOutcome> serial = new ParallelHasher(base, 1).hash(names, DigestAlgorithm.SHA512);
        assertThat(parallel).isEqualTo(serial).hasSize(301);
        assertThat(parallel.get(300)).isEqualTo(new HashOutcome.Failed("absent", true, "no such file"));
    }

    @Test
    void verdictsStreamInReportOrderAndAnExactSetThatCannotBeListedFailsBeforeTheFirst() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        Files.writeString(dir.resolve("b"), "b");
        Files.writeString(dir.resolve("c"), "c");
        ChecksumVerifier verifier = new ChecksumVerifier(BaseDirectory.of(dir));
        List<ChecksumEntry> expected = List.of(entryFor("c", "c"), entryFor("a", "x"));
        List<FileVerdict> streamed = new ArrayList<>();
        verifier.verifyExactSetInOrder(expected, Set.of(), streamed::add);
        assertThat(streamed).isEqualTo(verifier.verifyExactSet(expected, Set.of()).verdicts())
                .extracting(FileVerdict::name, FileVerdict::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c", Status.MATCH),
                        org.assertj.core.groups.Tuple.tuple("a", Status.MISMATCH),
                        org.assertj.core.groups.Tuple.tuple("b", Status.UNEXPECTED));

        Path locked = Files.createDirectories(dir.resolve("d"));
        List<FileVerdict> none = new ArrayList<>();
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "this user (root) reads every directory");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verifyExactSetInOrder(expected, Set.of(), none::add))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(none).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
