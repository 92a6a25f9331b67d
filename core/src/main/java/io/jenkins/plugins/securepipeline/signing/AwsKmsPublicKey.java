package io.jenkins.plugins.securepipeline.signing;

import java.security.interfaces.ECPublicKey;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Fetches the public half of a KMS signing key ({@code GetPublicKey}) so signatures can be checked locally, in an
 * account that may not be allowed to call {@code kms:Verify}. Refuses keys that are not ECC_NIST_P256 SIGN_VERIFY
 * keys offering ECDSA_SHA_256.
 */
public final class AwsKmsPublicKey {
    private AwsKmsPublicKey() {}

    public static EcdsaP256Verifier verifierFor(KmsClient kms, KmsKeyReference key) throws SigningException {
        GetPublicKeyResponse response;
        try {
            response = kms.getPublicKey(request -> request.keyId(key.keyId()));
        } catch (KmsException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            String text = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SigningException("AWS KMS refused GetPublicKey for " + key + " (" + code + text + ")", e);
        } catch (SdkException e) {
            throw new SigningException("cannot reach AWS KMS to get the public key of " + key + ": " + e.getMessage(), e);
        }
        if (response.keySpec() != KeySpec.ECC_NIST_P256) {
            throw new SigningException(key + " has key spec " + response.keySpecAsString() + ", expected ECC_NIST_P256");
        }
        if (response.keyUsage() != KeyUsageType.SIGN_VERIFY) {
            throw new SigningException(key + " has key usage " + response.keyUsageAsString() + ", expected SIGN_VERIFY");
        }
        if (!response.signingAlgorithms().contains(SigningAlgorithmSpec.ECDSA_SHA_256)) {
            throw new SigningException(key + " does not offer signing algorithm ECDSA_SHA_256");
        }
        ECPublicKey publicKey;
        try {
            publicKey = PemKeyReader.publicKeyFromSpki(response.publicKey().asByteArray(), key.toString());
        } catch (KeyFileException e) {
            throw new SigningException("AWS KMS returned an unusable public key for " + key, e);
        }
        return new EcdsaP256Verifier(publicKey, key.toString());
    }
}
