package io.jenkins.plugins.securepipeline.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms we accept. MD5 and SHA-1 are deliberately absent: a checksum file that names them is
 * refused rather than verified with a weaker algorithm than the caller asked for.
 */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", "SHA256", 32),
    SHA384("sha384", "SHA-384", "SHA384", 48),
    SHA512("sha512", "SHA-512", "SHA512", 64);

    private final String id;
    private final String jcaName;
    private final String bsdTag;
    private final int length;

    DigestAlgorithm(String id, String jcaName, String bsdTag, int length) {
        this.id = id;
        this.jcaName = jcaName;
        this.bsdTag = bsdTag;
        this.length = length;
    }

    /** The lower-case name used in digest strings ({@code sha256:<hex>}), manifests and the CLI. */
    public String id() {
        return id;
    }

    /** The tag of the BSD / {@code --tag} checksum format ({@code SHA256 (name) = <hex>}). */
    public String bsdTag() {
        return bsdTag;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    public int hexLength() {
        return length * 2;
    }

    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256/384/512.
            throw new IllegalStateException(jcaName + " is missing from this JVM", e);
        }
    }

    /** Accepts {@code sha256}, {@code SHA-256}, {@code SHA256} (any case). */
    public static Optional<DigestAlgorithm> find(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.id.equals(normalized)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but fails with a message that lists what is accepted. */
    public static DigestAlgorithm parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unsupported digest algorithm '" + name + "' (accepted: sha256, sha384, sha512)"));
    }

    /** The algorithm a bare hex digest of this many characters implies (GNU format has no algorithm name). */
    public static Optional<DigestAlgorithm> forHexLength(int hexLength) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.hexLength() == hexLength) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
