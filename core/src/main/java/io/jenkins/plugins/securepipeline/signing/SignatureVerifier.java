package io.jenkins.plugins.securepipeline.signing;

/** Checks signatures made by a {@link Signer} against one trusted public key. */
public interface SignatureVerifier {
    /** The scheme this verifier accepts, e.g. {@link Signer#ECDSA_P256_SHA256}. */
    String algorithm();

    /** A public name for the key, see {@link Signer#keyId()}. */
    String keyId();

    /** True only for a well-formed signature by this key over exactly these bytes; malformed input is false. */
    boolean verify(byte[] message, byte[] signature);
}
