package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs cosign payloads with an AWS KMS asymmetric key (ECC_NIST_P256): the payload's SHA-256 is computed here and
 * sent as {@code MessageType=DIGEST}, so the private key never leaves KMS and the payload never leaves this process.
 * Key references use cosign's notation {@code awskms:///<key id | alias/name | ARN>}.
 */
public final class KmsPayloadSigner implements PayloadSigner {
    public static final String SCHEME = "awskms:///";

    private final KmsClient kms;
    private final String keyId;

    public KmsPayloadSigner(KmsClient kms, String reference) throws InvalidImageException {
        this.kms = kms;
        this.keyId = keyId(reference);
    }

    /** The key ID from {@code awskms:///KEY}; an endpoint between the slashes is refused (it comes from settings). */
    public static String keyId(String reference) throws InvalidImageException {
        if (reference == null || !reference.startsWith(SCHEME) || reference.length() == SCHEME.length()) {
            throw new InvalidImageException("KMS key reference must be awskms:///<key id, alias/name or ARN>");
        }
        String id = reference.substring(SCHEME.length());
        if (id.length() > 2048 || id.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidImageException("KMS key reference has an invalid key ID");
        }
        return id;
    }

    public static boolean isKmsReference(String text) {
        return text != null && text.startsWith("awskms://");
    }

    @Override
    public String keyName() {
        return SCHEME + keyId;
    }

    @Override
    public byte[] sign(byte[] payload) throws IOException {
        byte[] digest = Digest.sha256().digest(payload);
        SignResponse response;
        try {
            response = kms.sign(request -> request.keyId(keyId)
                    .message(SdkBytes.fromByteArray(digest))
                    .messageType(MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        } catch (SdkException e) {
            throw new IOException("KMS Sign with " + keyName() + " failed: " + describe(e));
        }
        if (response.signature() == null) {
            throw new IOException("KMS Sign with " + keyName() + " returned no signature");
        }
        return response.signature().asByteArray();
    }

    /** The key's public half from {@code GetPublicKey}, refusing anything but an ECC_NIST_P256 signing key. */
    public static ECPublicKey publicKey(KmsClient kms, String reference) throws IOException {
        String id = keyId(reference);
        GetPublicKeyResponse response;
        try {
            response = kms.getPublicKey(request -> request.keyId(id));
        } catch (SdkException e) {
            throw new IOException("KMS GetPublicKey for " + reference + " failed: " + describe(e));
        }
        if (response.keySpec() != KeySpec.ECC_NIST_P256) {
            throw new IOException(reference + " is a " + response.keySpecAsString()
                    + " key; cosign signatures need ECC_NIST_P256");
        }
        return CosignKeyFiles.publicKeyFromSpki(response.publicKey().asByteArray(), reference);
    }

    private static String describe(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException
                && ((software.amazon.awssdk.awscore.exception.AwsServiceException) e).awsErrorDetails() != null) {
            var details = ((software.amazon.awssdk.awscore.exception.AwsServiceException) e).awsErrorDetails();
            return details.errorCode() + ": " + details.errorMessage();
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "KmsPayloadSigner[" + keyName() + "]";
    }
}
