package io.jenkins.plugins.securepipeline.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs with an asymmetric AWS KMS key (key spec ECC_NIST_P256, usage SIGN_VERIFY). The SHA-256 digest is computed
 * here and sent as {@code MessageType=DIGEST}, so messages of any size work (KMS takes raw messages only up to
 * 4 KiB) and the message itself never leaves the process. KMS returns an ASN.1 DER signature, the same form as
 * {@link EcdsaP256Signer}, so {@link EcdsaP256Verifier} checks both. The client (region, endpoint, credentials) is
 * built by the caller.
 */
public final class AwsKmsSigner implements Signer {
    private final KmsClient kms;
    private final KmsKeyReference key;

    public AwsKmsSigner(KmsClient kms, KmsKeyReference key) {
        this.kms = kms;
        this.key = key;
    }

    @Override
    public String algorithm() {
        return ECDSA_P256_SHA256;
    }

    @Override
    public String keyId() {
        return key.toString();
    }

    @Override
    public byte[] sign(byte[] message) throws SigningException {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        SignResponse response;
        try {
            response = kms.sign(request -> request
                    .keyId(key.keyId())
                    .message(SdkBytes.fromByteArray(digest))
                    .messageType(MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        } catch (KmsException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            String text = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SigningException("AWS KMS refused to sign with " + key + " (" + code + text + ")", e);
        } catch (SdkException e) {
            throw new SigningException("cannot reach AWS KMS to sign with " + key + ": " + e.getMessage(), e);
        }
        if (response.signingAlgorithm() != SigningAlgorithmSpec.ECDSA_SHA_256 || response.signature() == null) {
            throw new SigningException("AWS KMS answered for " + key + " without an ECDSA_SHA_256 signature");
        }
        return response.signature().asByteArray();
    }
}
