package io.jenkins.plugins.securepipeline.plugin.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.FileVerdict;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import io.jenkins.plugins.securepipeline.plugin.runtime.AcrossTheChannel;
import java.io.IOException;
import java.io.InvalidClassException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hashing callables run on real files, and what they return crosses a channel that applies Jenkins' class filter,
 * as a real agent's answer does. The controller then trusts nothing it did not check itself.
 */
class AgentResultsOfflineTest {
    @TempDir
    Path workspace;

    @Test
    void hashedFilesCrossTheChannelAndBecomeEntries() throws Exception {
        Files.writeString(workspace.resolve("app.tgz"), "built once");
        ArrayList<AgentResults.HashedFile> sent = new WorkspaceHashing.HashFiles(List.of("app.tgz"), DigestAlgorithm.SHA256)
                .invoke(workspace.toFile(), null);

        AgentResults.Hashed received = AgentResults.hashed(AcrossTheChannel.fromAgent(sent));

        assertThat(received.problems()).isEmpty();
        assertThat(received.entries()).containsExactly(new ChecksumEntry("app.tgz", sha256("built once"), OptionalLong.of(10)));
    }

    @Test
    void verdictsCrossTheChannelAndTheControllerDecidesMatch() throws Exception {
        Files.writeString(workspace.resolve("same"), "same bytes");
        Files.writeString(workspace.resolve("changed"), "other bytes");
        List<ChecksumEntry> expected = List.of(new ChecksumEntry("same", sha256("same bytes")),
                new ChecksumEntry("changed", sha256("original bytes")), new ChecksumEntry("gone", sha256("x")));
        ArrayList<AgentResults.CheckedFile> sent = new WorkspaceHashing.VerifyEntries(expected, false, List.of())
                .invoke(workspace.toFile(), null);

        VerificationReport report = AgentResults.report(expected, AcrossTheChannel.fromAgent(sent));

        assertThat(report.verdicts()).extracting(FileVerdict::name, FileVerdict::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("same", FileVerdict.Status.MATCH),
                org.assertj.core.groups.Tuple.tuple("changed", FileVerdict.Status.MISMATCH),
                org.assertj.core.groups.Tuple.tuple("gone", FileVerdict.Status.MISSING));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void coreJarResultsWouldBeRejectedByARealController() throws Exception {
        Files.writeString(workspace.resolve("a"), "a");
        VerificationReport coreTyped = new io.jenkins.plugins.securepipeline.integrity.ChecksumVerifier(
                io.jenkins.plugins.securepipeline.integrity.BaseDirectory.of(workspace))
                .verify(List.of(new ChecksumEntry("a", sha256("a"))));

        assertThatThrownBy(() -> AcrossTheChannel.fromAgent(coreTyped)).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("bundled core jar");
    }

    @Test
    void anAgentClaimingMatchForOtherBytesGetsMismatch() throws Exception {
        Files.writeString(workspace.resolve("app"), "tampered");
        List<ChecksumEntry> expected = List.of(new ChecksumEntry("app", sha256("tampered")));
        ArrayList<AgentResults.CheckedFile> honest = new WorkspaceHashing.VerifyEntries(expected, false, List.of())
                .invoke(workspace.toFile(), null);
        // The same answer, checked against what the controller really expected.
        List<ChecksumEntry> reallyExpected = List.of(new ChecksumEntry("app", sha256("the build's bytes")));

        VerificationReport report = AgentResults.report(reallyExpected, honest);

        assertThat(report.passed()).isFalse();
        assertThat(report.verdicts().get(0).status()).isEqualTo(FileVerdict.Status.MISMATCH);
    }

    @Test
    void anEmptyOrMalformedAnswerFailsClosed() throws Exception {
        List<ChecksumEntry> expected = List.of(new ChecksumEntry("app", sha256("x")));
        assertThat(AgentResults.report(expected, List.of()).passed()).isFalse();
        assertThat(AgentResults.report(expected, List.of()).verdicts().get(0).status()).isEqualTo(FileVerdict.Status.MISSING);

        Files.writeString(workspace.resolve("app"), "x");
        ArrayList<AgentResults.HashedFile> hashed = new WorkspaceHashing.HashFiles(List.of("app"), DigestAlgorithm.SHA256)
                .invoke(workspace.toFile(), null);
        ArrayList<AgentResults.HashedFile> twice = new ArrayList<>(hashed);
        twice.add(null);
        assertThatThrownBy(() -> AgentResults.hashed(twice)).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed");
    }

    private static ArtifactDigest sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, HexFormat.of().formatHex(digest));
    }
}
