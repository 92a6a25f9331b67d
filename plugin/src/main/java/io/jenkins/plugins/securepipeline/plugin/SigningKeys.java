package io.jenkins.plugins.securepipeline.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.plugin.role.CredentialLookup;
import io.jenkins.plugins.securepipeline.plugin.role.StepAwsCredentials;
import io.jenkins.plugins.securepipeline.role.AwsPurpose;
import io.jenkins.plugins.securepipeline.signing.AwsKmsPublicKey;
import io.jenkins.plugins.securepipeline.signing.AwsKmsSigner;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.Signer;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The signing keys of the steps, on the controller only: an AWS KMS key used with credentials from
 * {@link StepAwsCredentials} (the enclosing role session, or the controller's identity where a rule grants it), or
 * a PEM private key from a secret file or secret text credential. The key material never leaves the controller and
 * never appears in a step argument.
 */
public final class SigningKeys implements AutoCloseable {
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private final Signer signer;
    private final SignatureVerifier verifier;
    private final KmsClient kms;

    private SigningKeys(Signer signer, SignatureVerifier verifier, KmsClient kms) {
        this.signer = signer;
        this.verifier = verifier;
        this.kms = kms;
    }

    /**
     * @param kmsKey {@code awskms:///...}, or null
     * @param credentialsId a secret file / secret text credential with a PEM private key, when {@code kmsKey} is null
     * @param region the region of the KMS client, or null for the session's or the administrator's default
     */
    public static SigningKeys open(String step, String kmsKey, String credentialsId, AwsRoleSession session, Run<?, ?> run,
            String region) throws IOException, SigningException, KeyFileException {
        if (kmsKey != null) {
            KmsKeyReference key = KmsKeyReference.parse(kmsKey);
            String effectiveRegion = region != null ? region : session != null ? session.getRegion() : null;
            KmsClient kms = ControllerAws.clients(effectiveRegion).kms(
                    StepAwsCredentials.forStep(session, run, step, AwsPurpose.KMS, kmsKey));
            try {
                return new SigningKeys(new AwsKmsSigner(kms, key), AwsKmsPublicKey.verifierFor(kms, key), kms);
            } catch (SigningException | RuntimeException e) {
                kms.close();
                throw e;
            }
        }
        PemKeyReader.KeyPair pair = PemKeyReader.readPrivateKey(pem(credentialsId, run), "credential " + credentialsId);
        // A file without its public half gets one derived from the private key: it checks each new signature and
        // recognises the key's earlier signatures, so signing a digest again adds no duplicate.
        return new SigningKeys(EcdsaP256Signer.of(pair), pair.publicKey().map(EcdsaP256Verifier::of)
                .orElseGet(() -> EcdsaP256Verifier.forPrivateKey(pair.privateKey())), null);
    }

    public Signer signer() {
        return signer;
    }

    /** The public half, to check a fresh signature before publishing it and to find the key's earlier ones. */
    public SignatureVerifier verifier() {
        return verifier;
    }

    @Override
    public void close() {
        if (kms != null) {
            kms.close();
        }
    }

    private static byte[] pem(String credentialsId, Run<?, ?> run) throws IOException {
        StandardCredentials credential = CredentialLookup.find(credentialsId, StandardCredentials.class, run, "signing key");
        if (credential instanceof FileCredentials file) {
            try (InputStream in = file.getContent()) {
                byte[] pem = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
                if (pem.length > MAX_KEY_FILE_BYTES) {
                    throw new IOException("signing key credential '" + credentialsId + "' is too large to be a PEM key");
                }
                return pem;
            }
        }
        if (credential instanceof StringCredentials text) {
            return text.getSecret().getPlainText().getBytes(StandardCharsets.US_ASCII);
        }
        throw new IOException("signing key credential '" + credentialsId + "' is neither a secret file nor secret text");
    }
}
