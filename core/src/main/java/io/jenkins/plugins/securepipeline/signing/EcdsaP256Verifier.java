package io.jenkins.plugins.securepipeline.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
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

    /**
     * A verifier for the public half of a private key (Q = d·G on P-256), for keys whose file carries no public key
     * (cosign's encrypted keys, bare PKCS#8): it lets a signer check its own signatures and recognise signatures it
     * made before.
     */
    public static EcdsaP256Verifier forPrivateKey(ECPrivateKey privateKey) {
        if (!P256.isP256(privateKey)) {
            throw new IllegalArgumentException("key is not on curve P-256");
        }
        X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
        ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), privateKey.getS()).normalize();
        try {
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                    privateKey.getParams()));
            return of(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot build a P-256 public key", e);
        }
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
