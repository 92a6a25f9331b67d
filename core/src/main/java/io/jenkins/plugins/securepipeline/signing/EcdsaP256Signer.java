package io.jenkins.plugins.securepipeline.signing;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;

/** Signs with a P-256 private key held in memory (read from PEM); the signature is ASN.1 DER. */
public final class EcdsaP256Signer implements Signer {
    private final ECPrivateKey key;
    private final String keyId;

    /** @param keyId a public name for the key, e.g. the {@link PublicKeyFingerprint} of its public half */
    public EcdsaP256Signer(ECPrivateKey key, String keyId) {
        if (!P256.isP256(key)) {
            throw new IllegalArgumentException("key is not on curve P-256");
        }
        this.key = key;
        this.keyId = keyId;
    }

    /** A signer named by the fingerprint of the public key that the PEM file carries, or "pem" when it has none. */
    public static EcdsaP256Signer of(PemKeyReader.KeyPair pair) {
        return new EcdsaP256Signer(pair.privateKey(), pair.publicKey().map(PublicKeyFingerprint::of).orElse("pem"));
    }

    @Override
    public String algorithm() {
        return ECDSA_P256_SHA256;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) throws SigningException {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot sign with key " + keyId + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        // Never let a log line or debugger print the key.
        return "EcdsaP256Signer[" + keyId + "]";
    }
}
