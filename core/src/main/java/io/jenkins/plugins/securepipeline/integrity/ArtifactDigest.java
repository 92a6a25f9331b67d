package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A digest together with the algorithm that produced it, written {@code sha256:<hex>}. Two digests are only ever
 * compared when their algorithms are the same: comparing across algorithms is refused, never "downgraded".
 * Serializable because it crosses the Jenkins remoting channel between agent and controller.
 */
public final class ArtifactDigest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DigestAlgorithm algorithm;
    private final byte[] value;

    public ArtifactDigest(DigestAlgorithm algorithm, byte[] value) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (value.length != algorithm.length()) {
            throw new IllegalArgumentException(
                    algorithm.id() + " digest must be " + algorithm.length() + " bytes, got " + value.length);
        }
        this.value = value.clone();
    }

    /**
     * Parses {@code <algorithm>:<hex>}. The algorithm prefix is mandatory: a bare hex string would leave the
     * algorithm to guesswork.
     */
    public static ArtifactDigest parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("digest must be written <algorithm>:<hex>, e.g. sha256:<64 hex digits>");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.parse(text.substring(0, colon));
        return ofHex(algorithm, text.substring(colon + 1));
    }

    /** A digest from its hex form; the length must be exactly the algorithm's. */
    public static ArtifactDigest ofHex(DigestAlgorithm algorithm, String hex) {
        if (hex.length() != algorithm.hexLength()) {
            throw new IllegalArgumentException(algorithm.id() + " digest must have " + algorithm.hexLength()
                    + " hex digits, got " + hex.length());
        }
        byte[] bytes = Hex.decode(hex);
        if (bytes == null) {
            throw new IllegalArgumentException(algorithm.id() + " digest contains characters that are not hex digits");
        }
        return new ArtifactDigest(algorithm, bytes);
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] value() {
        return value.clone();
    }

    public String hex() {
        return Hex.encode(value);
    }

    /**
     * Constant-time comparison of the digest bytes. Refuses to compare digests of different algorithms: the caller
     * must compute the digest with the algorithm the expectation names.
     */
    public boolean matches(ArtifactDigest actual) {
        if (actual.algorithm != algorithm) {
            throw new IllegalArgumentException("cannot compare a " + algorithm.id() + " digest with a "
                    + actual.algorithm.id() + " digest");
        }
        return MessageDigest.isEqual(value, actual.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArtifactDigest that && algorithm == that.algorithm && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return algorithm.id() + ":" + hex();
    }
}
