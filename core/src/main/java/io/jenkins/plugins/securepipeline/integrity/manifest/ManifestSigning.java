package io.jenkins.plugins.securepipeline.integrity.manifest;

import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.Signer;
import io.jenkins.plugins.securepipeline.signing.SigningException;

/**
 * Signs a manifest's canonical bytes and checks such signatures. A manifest signed in the tooling account can then
 * be trusted in prod by its public key alone, whatever storage carried it in between.
 */
public final class ManifestSigning {
    private ManifestSigning() {}

    /** The manifest with a signature over its canonical bytes (any earlier signature is replaced). */
    public static ChecksumManifest sign(ChecksumManifest manifest, Signer signer) throws SigningException {
        ChecksumManifest unsigned = manifest.withoutSignature();
        byte[] signature = signer.sign(ManifestJson.canonicalBytes(unsigned));
        return unsigned.withSignature(new ManifestSignature(signer.algorithm(), signer.keyId(), signature));
    }

    /**
     * Checks the manifest's signature with a trusted key.
     *
     * @throws InvalidManifestSignatureException when there is no signature, it uses another scheme, or it does not
     *         verify; the message says which
     */
    public static void verify(ChecksumManifest manifest, SignatureVerifier verifier) throws InvalidManifestSignatureException {
        ManifestSignature signature = manifest.signature().orElseThrow(() ->
                new InvalidManifestSignatureException("manifest is not signed, but a public key was given to check it"));
        if (!signature.algorithm().equals(verifier.algorithm())) {
            throw new InvalidManifestSignatureException("signature algorithm '" + signature.algorithm()
                    + "' is not '" + verifier.algorithm() + "'");
        }
        if (!verifier.verify(ManifestJson.canonicalBytes(manifest.withoutSignature()), signature.value())) {
            throw new InvalidManifestSignatureException("signature does not verify with key " + verifier.keyId()
                    + " (the manifest was changed after signing, or signed with another key)");
        }
    }

    /** A signature that is missing, of the wrong kind, or does not verify. */
    public static final class InvalidManifestSignatureException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidManifestSignatureException(String message) {
            super(message);
        }
    }
}
