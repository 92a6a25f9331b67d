package io.jenkins.plugins.securepipeline.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest; only {@code sha256} is accepted, as every registry and cosign use it for manifests and blobs. */
public record Digest(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");

    public Digest {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a sha256 digest: 64 lower-case hex characters are required");
        }
    }

    /** Parses {@code sha256:<hex>}; the error names {@code where} (file and field). */
    public static Digest parse(String text, String where) throws InvalidImageException {
        if (text == null || !text.startsWith("sha256:") || !SHA256_HEX.matcher(text.substring(7)).matches()) {
            throw new InvalidImageException(where + ": not a sha256 digest (expected sha256:<64 hex>): " + shorten(text));
        }
        return new Digest(text.substring(7));
    }

    public static Digest of(byte[] content) {
        return new Digest(HexFormat.of().formatHex(sha256().digest(content)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The cosign signature tag for this image digest: {@code sha256-<hex>.sig}. */
    public String signatureTag() {
        return "sha256-" + hex + ".sig";
    }

    /** The cosign attestation tag for this image digest: {@code sha256-<hex>.att}. */
    public String attestationTag() {
        return "sha256-" + hex + ".att";
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }

    static String shorten(String text) {
        if (text == null) {
            return "(missing)";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
