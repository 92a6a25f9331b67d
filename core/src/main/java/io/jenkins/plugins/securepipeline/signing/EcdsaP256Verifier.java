package io.jenkins.plugins.securepipeline.signing;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/** Verifies ASN.1 DER ECDSA P-256 / SHA-256 signatures, from PEM keys and AWS KMS alike. */
public final class EcdsaP256Verifier implements SignatureVerifier {
    private final ECPublicKey key;
    private final String keyId;

    public EcdsaP256Verifier(ECPublicKey key, String keyId) {
        if (!P256.isP256(key)) {
            throw new IllegalArgumentException("key is not on curve P-256");
        }
        this.key = key;
        this.keyId = keyId;
    }

    /** A verifier named by the key's fingerprint. */
    public static EcdsaP256Verifier of(ECPublicKey key) {
        return new EcdsaP256Verifier(key, PublicKeyFingerprint.of(key));
    }

    @Override
    public String algorithm() {
        return Signer.ECDSA_P256_SHA256;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed signature (bad DER, wrong length) is simply not a valid signature.
            return false;
        }
    }
}
