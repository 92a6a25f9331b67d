package io.jenkins.plugins.securepipeline.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** {@code sha256:<hex>} of a public key's SubjectPublicKeyInfo DER: a stable, public name for a PEM key. */
public final class PublicKeyFingerprint {
    private PublicKeyFingerprint() {}

    public static String of(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
