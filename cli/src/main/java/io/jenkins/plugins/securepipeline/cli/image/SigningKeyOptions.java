package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.TimeoutOption;
import io.jenkins.plugins.securepipeline.signing.AwsKmsPublicKey;
import io.jenkins.plugins.securepipeline.signing.AwsKmsSigner;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignKeyFiles;
import io.jenkins.plugins.securepipeline.signing.cosign.PayloadSigner;
import io.jenkins.plugins.securepipeline.signing.cosign.SignerPayloadSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Opens signing and verification keys through the {@code signing} package: PEM and cosign key files, or
 * {@code awskms:///KEY} (the digest is signed in KMS). The public half (KMS's, or derived from the private key) checks
 * each new signature before it is published, and finds signatures the key made before.
 */
final class SigningKeyOptions {
    private final TimeoutOption timeout;
    private KmsClient kms;

    SigningKeyOptions(TimeoutOption timeout) {
        this.timeout = timeout;
    }

    /** A signer and, when available, a verifier of its public key for the self-check. */
    record OpenedSigner(PayloadSigner signer, SignatureVerifier selfCheck) {}

    /** @param option the option that named the key, for messages */
    OpenedSigner signer(String option, String key, Path passwordFile, String region)
            throws IOException, UsageException, InputException {
        if (KmsKeyReference.isKmsReference(key)) {
            KmsKeyReference reference = kmsReference(key);
            KmsClient client = kms(region);
            try {
                return new OpenedSigner(new SignerPayloadSigner(new AwsKmsSigner(client, reference)),
                        AwsKmsPublicKey.verifierFor(client, reference));
            } catch (SigningException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        char[] passphrase = passwordFile == null ? null : SecretFiles.readFirstLine(passwordFile, "--key-password-file");
        try {
            java.security.interfaces.ECPrivateKey privateKey = CosignKeyFiles.readPrivateKey(Path.of(key), passphrase);
            // The public half, derived, checks each new signature and recognises the key's earlier signatures.
            return new OpenedSigner(new SignerPayloadSigner(new EcdsaP256Signer(privateKey, key)),
                    EcdsaP256Verifier.forPrivateKey(privateKey));
        } catch (IOException e) {
            // Missing, not a regular file, not a key, wrong passphrase: the local key file is at fault.
            throw new InputException(option + ": " + e.getMessage());
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    SignatureVerifier verifier(String option, String key, String region) throws IOException, UsageException, InputException {
        if (KmsKeyReference.isKmsReference(key)) {
            try {
                return AwsKmsPublicKey.verifierFor(kms(region), kmsReference(key));
            } catch (SigningException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        try {
            return EcdsaP256Verifier.of(CosignKeyFiles.readPublicKey(Path.of(key)));
        } catch (IOException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }

    private static KmsKeyReference kmsReference(String key) throws UsageException {
        try {
            return KmsKeyReference.parse(key);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private KmsClient kms(String region) throws UsageException {
        if (region == null) {
            throw new UsageException("awskms:/// keys need --region");
        }
        if (kms == null) {
            kms = AwsAccess.clients(region, System.getenv(), timeout).kms(AwsAccess.defaultCredentials());
        }
        return kms;
    }

    void close() {
        if (kms != null) {
            kms.close();
        }
    }
}
