package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactDigestTest {
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void parsesAndPrintsTheAlgorithmPrefixedForm() {
        ArtifactDigest digest = ArtifactDigest.parse("sha256:" + ABC_SHA256.toUpperCase());
        assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
        assertThat(digest).hasToString("sha256:" + ABC_SHA256);
    }

    @Test
    void refusesBareHexBecauseTheAlgorithmWouldBeAGuess() {
        assertThatThrownBy(() -> ArtifactDigest.parse(ABC_SHA256)).hasMessageContaining("<algorithm>:<hex>");
    }

    @Test
    void refusesWeakAlgorithms() {
        assertThatThrownBy(() -> ArtifactDigest.parse("md5:900150983cd24fb0d6963f7d28e17f72"))
                .hasMessageContaining("unsupported digest algorithm 'md5'");
        assertThatThrownBy(() -> ArtifactDigest.parse("sha1:a9993e364706816aba3e25717850c26c9cd0d89d"))
                .hasMessageContaining("unsupported digest algorithm 'sha1'");
    }

    @Test
    void refusesWrongLengthAndNonHexDigits() {
        assertThatThrownBy(() -> ArtifactDigest.parse("sha256:" + ABC_SHA256.substring(2)))
                .hasMessageContaining("must have 64 hex digits, got 62");
        // A sha256-length digest labelled sha512 is not silently accepted as a truncated sha512.
        assertThatThrownBy(() -> ArtifactDigest.parse("sha512:" + ABC_SHA256)).hasMessageContaining("128 hex digits");
        assertThatThrownBy(() -> ArtifactDigest.parse("sha256:" + ABC_SHA256.substring(1) + "g"))
                .hasMessageContaining("not hex digits");
        assertThatThrownBy(() -> ArtifactDigest.parse("sha256:" + ABC_SHA256.substring(1) + "\uff10"))
                .hasMessageContaining("not hex digits");
    }

    @Test
    void matchesComparesBytesAndRefusesToCompareAcrossAlgorithms() {
        ArtifactDigest expected = ArtifactDigest.parse("sha256:" + ABC_SHA256);
        assertThat(expected.matches(ArtifactDigest.parse("sha256:" + ABC_SHA256))).isTrue();
        assertThat(expected.matches(ArtifactDigest.parse("sha256:" + "0".repeat(64)))).isFalse();
        ArtifactDigest sha512 = new ArtifactDigest(DigestAlgorithm.SHA512, new byte[64]);
        assertThatThrownBy(() -> expected.matches(sha512)).hasMessageContaining("cannot compare a sha256 digest with a sha512");
    }

    @Test
    void algorithmNamesAreAcceptedInTheUsualSpellings() {
        assertThat(DigestAlgorithm.parse("SHA-384")).isEqualTo(DigestAlgorithm.SHA384);
        assertThat(DigestAlgorithm.parse("sha512")).isEqualTo(DigestAlgorithm.SHA512);
        assertThat(DigestAlgorithm.forHexLength(96)).contains(DigestAlgorithm.SHA384);
        assertThat(DigestAlgorithm.forHexLength(40)).isEmpty();
    }
}
