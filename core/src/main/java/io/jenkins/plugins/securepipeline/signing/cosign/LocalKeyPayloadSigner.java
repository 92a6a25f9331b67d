package io.jenkins.plugins.securepipeline.signing.cosign;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;

/** Signs with a P-256 private key held in memory, read from a PEM or cosign key file. */
public final class LocalKeyPayloadSigner implements PayloadSigner {
    private final ECPrivateKey key;
    private final String keyName;

    public LocalKeyPayloadSigner(ECPrivateKey key, String keyName) {
        this.key = key;
        this.keyName = keyName;
    }

    @Override
    public String keyName() {
        return keyName;
    }

    @Override
    public byte[] sign(byte[] payload) throws IOException {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IOException("signing with " + keyName + " failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "LocalKeyPayloadSigner[" + keyName + "]";
    }
}
