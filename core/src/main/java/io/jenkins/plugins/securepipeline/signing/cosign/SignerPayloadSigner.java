package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.signing.Signer;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import java.io.IOException;

/**
 * A {@link Signer} of the {@code signing} package (PEM key in memory, AWS KMS key) used for cosign payloads: both
 * produce ECDSA P-256 / SHA-256 signatures in ASN.1 DER, which is exactly what cosign's annotation carries.
 */
public final class SignerPayloadSigner implements PayloadSigner {
    private final Signer signer;

    public SignerPayloadSigner(Signer signer) {
        if (!Signer.ECDSA_P256_SHA256.equals(signer.algorithm())) {
            throw new IllegalArgumentException("cosign signatures need ECDSA P-256 / SHA-256, not " + signer.algorithm());
        }
        this.signer = signer;
    }

    @Override
    public String keyName() {
        return signer.keyId();
    }

    @Override
    public byte[] sign(byte[] payload) throws IOException {
        try {
            return signer.sign(payload);
        } catch (SigningException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SignerPayloadSigner[" + signer.keyId() + "]";
    }
}
