package io.jenkins.plugins.securepipeline.signing;

/**
 * Produces signatures over messages. Implementations hold or reach a private key (a PEM file's key in memory, a
 * key in AWS KMS); they never reveal it, and their messages never contain key material.
 */
public interface Signer {
    /** ECDSA with SHA-256 on NIST P-256, the only scheme used so far (and the one cosign expects). */
    String ECDSA_P256_SHA256 = "ecdsa-p256-sha256";

    /** The signature scheme, e.g. {@link #ECDSA_P256_SHA256}. */
    String algorithm();

    /**
     * A public, non-secret name for the key: {@code awskms:///<key>} for KMS keys, {@code sha256:<hex>} of the
     * public key for PEM keys. Recorded next to signatures as a hint; verification never trusts it.
     */
    String keyId();

    /** Signs the message (hashing it with SHA-256 as part of the scheme); returns an ASN.1 DER signature. */
    byte[] sign(byte[] message) throws SigningException;
}
