package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.signing.cosign.CosignKeyFiles;
import io.jenkins.plugins.securepipeline.signing.cosign.KmsPayloadSigner;
import io.jenkins.plugins.securepipeline.signing.cosign.LocalKeyPayloadSigner;
import io.jenkins.plugins.securepipeline.signing.cosign.PayloadSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import software.amazon.awssdk.services.kms.KmsClient;

/** Opens signing and verification keys: PEM / cosign key files, or {@code awskms:///KEY}. */
final class SigningKeyOptions {
    private KmsClient kms;

    /** A signer and, for KMS keys, the public key to check the signature against before publishing. */
    record OpenedSigner(PayloadSigner signer, PublicKey publicKey) {}

    OpenedSigner signer(String key, Path passwordFile, String region) throws IOException, UsageException {
        if (KmsPayloadSigner.isKmsReference(key)) {
            KmsClient client = kms(region);
            return new OpenedSigner(new KmsPayloadSigner(client, key), KmsPayloadSigner.publicKey(client, key));
        }
        char[] passphrase = passwordFile == null ? null : SecretFiles.readFirstLine(passwordFile, "--key-password-file");
        try {
            return new OpenedSigner(new LocalKeyPayloadSigner(CosignKeyFiles.readPrivateKey(Path.of(key), passphrase), key), null);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    PublicKey publicKey(String key, String region) throws IOException, UsageException {
        if (KmsPayloadSigner.isKmsReference(key)) {
            return KmsPayloadSigner.publicKey(kms(region), key);
        }
        return CosignKeyFiles.readPublicKey(Path.of(key));
    }

    private KmsClient kms(String region) throws UsageException {
        if (region == null) {
            throw new UsageException("awskms:/// keys need --region");
        }
        if (kms == null) {
            kms = AwsAccess.clients(region, System.getenv()).kms(AwsAccess.defaultCredentials());
        }
        return kms;
    }

    void close() {
        if (kms != null) {
            kms.close();
        }
    }
}
