package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expectations go to the agent and reports come back over Jenkins remoting, which uses Java serialization: the
 * values that cross must survive it unchanged.
 */
class RemotingSerializationTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void entriesAndReportsCrossTheChannelUnchanged() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        Files.writeString(dir.resolve("extra"), "x");
        ArtifactDigest wrong = ArtifactDigest.parse("sha256:" + "0".repeat(64));
        List<ChecksumEntry> expected = List.of(new ChecksumEntry("a", wrong, OptionalLong.of(1)), new ChecksumEntry("gone", wrong));
        assertThat(roundTrip(expected)).isEqualTo(expected);

        VerificationReport report = new ChecksumVerifier(BaseDirectory.of(dir)).verifyExactSet(expected, Set.of());
        VerificationReport back = roundTrip(report);
        assertThat(back).isEqualTo(report);
        assertThat(back.summary()).isEqualTo("3 files: 1 MISMATCH, 1 MISSING, 1 UNEXPECTED");
        assertThat(back.verdicts().get(0).actualSize()).hasValue(1);
        assertThat(back.verdicts().get(1).expectedSize()).isEmpty();
        assertThat(roundTrip(new HashOutcome.Hashed("a", 1, wrong))).isEqualTo(new HashOutcome.Hashed("a", 1, wrong));
    }
}
