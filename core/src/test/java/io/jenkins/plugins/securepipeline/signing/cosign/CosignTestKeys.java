package io.jenkins.plugins.securepipeline.signing.cosign;

import java.security.interfaces.ECPrivateKey;

/** Cosign's encrypted key format for tests outside this package (the CLI's), written by {@link IndependentCosign}. */
public final class CosignTestKeys {
    private CosignTestKeys() {}

    /** The PEM text of {@code key} encrypted with {@code passphrase}, as {@code cosign generate-key-pair} writes it. */
    public static String encryptedPem(ECPrivateKey key, String passphrase) throws Exception {
        return IndependentCosign.encryptedKeyPem(key, passphrase, "ENCRYPTED SIGSTORE PRIVATE KEY");
    }
}
