package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.VerifyingInputStream;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs an image digest in cosign's key-based format and stores the signature under {@code sha256-<hex>.sig} in the
 * image's repository, appending to signatures already there. It signs only a manifest the registry serves at that
 * digest, and when it is given the public key it checks its own signature before publishing it and, as cosign does,
 * adds nothing when a signature of the same payload by that key is already there.
 */
public final class CosignSignaturePublisher {
    private static final int MAX_INDEX_DEPTH = 4;

    private final RegistryClient registry;

    public CosignSignaturePublisher(RegistryClient registry) {
        this.registry = registry;
    }

    /** What was stored: the signature tag reference and whether an identical signature was already there. */
    public record Published(String signatureReference, String signatureManifestDigest, boolean alreadyPresent) {}

    /**
     * @param image repository and digest of an image already pushed (never a tag: tags move)
     * @param optional cosign's optional annotations, or null
     * @param publicKey the signer's public key for a self-check, or null when not at hand
     */
    public Published sign(ImageReference image, PayloadSigner signer, Map<String, Object> optional, PublicKey publicKey)
            throws IOException, InterruptedException {
        return sign(image, signer, optional, publicKey == null ? null : verifierFor(publicKey));
    }

    /** As above, checking the new signature with a {@code signing} package verifier (e.g. a KMS key's public half). */
    public Published sign(ImageReference image, PayloadSigner signer, Map<String, Object> optional,
            SignatureVerifier selfCheck) throws IOException, InterruptedException {
        if (image.digest() == null) {
            throw new IllegalArgumentException("sign by digest: " + image + " has no digest");
        }
        ManifestDocument served = registry.getManifest(image.repository(), image.digest().toString());
        if (served == null) {
            throw new RegistryException("refusing to sign " + image + ": the registry does not serve that manifest");
        }
        byte[] payload = new SimpleSigningPayload(image.repositoryReference(), image.digest(), optional).toBytes();
        String tag = image.digest().signatureTag();
        String reference = image.repositoryReference() + ":" + tag;
        ManifestDocument existing = registry.getManifest(image.repository(), tag);
        CosignSignatureManifest current = existing == null ? CosignSignatureManifest.empty()
                : CosignSignatureManifest.from(existing);
        if (selfCheck != null && signedBefore(current, payload, selfCheck)) {
            // Checked before signing: no new signature (and no KMS call) for a digest this key has signed.
            return new Published(reference, existing.digest().toString(), true);
        }
        byte[] signature = signer.sign(payload);
        if (selfCheck != null && !selfCheck.verify(payload, signature)) {
            throw new IOException("the signature made with " + signer.keyName() + " does not verify with its public key;"
                    + " nothing was published");
        }
        Descriptor layer = CosignSignatureManifest.layerFor(payload, Base64.getEncoder().encodeToString(signature));
        if (current.contains(layer)) {
            return new Published(reference, existing.digest().toString(), true);
        }
        CosignSignatureManifest updated = current.append(layer);
        upload(image.repository(), layer, payload);
        upload(image.repository(), updated.configDescriptor(), updated.configBytes());
        ManifestDocument manifest = updated.toManifest();
        registry.putManifest(image.repository(), tag, manifest);
        ManifestDocument readBack = registry.getManifest(image.repository(), tag);
        if (readBack == null || !readBack.digest().equals(manifest.digest())) {
            throw new RegistryException("the signature manifest " + reference + " did not read back as pushed"
                    + " (a concurrent signing may have replaced it)");
        }
        return new Published(reference, manifest.digest().toString(), false);
    }

    /**
     * Signs the digest and, when it is an image index, every manifest it lists (nested indexes too, up to a depth of
     * 4), each under its own {@code .sig} tag, as {@code cosign sign --recursive} does: a verifier that resolves a
     * platform's digest first then finds a signature on it. Returns the index's signature first.
     */
    public List<Published> signRecursively(ImageReference image, PayloadSigner signer, Map<String, Object> optional,
            SignatureVerifier selfCheck) throws IOException, InterruptedException {
        List<Published> published = new ArrayList<>();
        signRecursively(image, signer, optional, selfCheck, 0, published);
        return published;
    }

    private void signRecursively(ImageReference image, PayloadSigner signer, Map<String, Object> optional,
            SignatureVerifier selfCheck, int depth, List<Published> published) throws IOException, InterruptedException {
        published.add(sign(image, signer, optional, selfCheck));
        ManifestDocument served = registry.getManifest(image.repository(), image.digest().toString());
        if (served == null || !served.isIndex()) {
            return;
        }
        if (depth >= MAX_INDEX_DEPTH) {
            throw new RegistryException("refusing to sign " + image + " recursively: indexes nested deeper than "
                    + MAX_INDEX_DEPTH);
        }
        for (Descriptor child : served.manifests()) {
            signRecursively(image.withDigest(child.digest()), signer, optional, selfCheck, depth + 1, published);
        }
    }

    /**
     * True when a layer already holds this payload with a signature that verifies with the key, as cosign's duplicate
     * detection decides: ECDSA signatures are randomised, so a new signature never equals the stored one.
     */
    private static boolean signedBefore(CosignSignatureManifest current, byte[] payload, SignatureVerifier key) {
        io.jenkins.plugins.securepipeline.image.Digest payloadDigest =
                io.jenkins.plugins.securepipeline.image.Digest.of(payload);
        for (Descriptor existing : current.layers()) {
            if (!CosignSignatureManifest.LAYER_MEDIA_TYPE.equals(existing.mediaType())
                    || !existing.digest().equals(payloadDigest)) {
                continue;
            }
            String encoded = existing.annotations().get(CosignSignatureManifest.SIGNATURE_ANNOTATION);
            try {
                if (encoded != null && key.verify(payload, Base64.getDecoder().decode(encoded))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not base64: not a signature we made
            }
        }
        return false;
    }

    private void upload(String repository, Descriptor blob, byte[] bytes) throws IOException, InterruptedException {
        if (registry.blobExists(repository, blob)) {
            return;
        }
        registry.uploadBlob(repository, blob,
                counter -> new VerifyingInputStream(new ByteArrayInputStream(bytes), blob, "signature blob", counter),
                PushProgress.NONE);
    }

    static SignatureVerifier verifierFor(PublicKey key) {
        if (!(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException("cosign keys are EC P-256 keys");
        }
        return EcdsaP256Verifier.of((ECPublicKey) key);
    }
}
