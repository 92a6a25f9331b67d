package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import java.io.IOException;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Verifies cosign key-based signatures of an image digest, as {@code cosign verify --key} does: some signature layer
 * must carry a valid ECDSA signature by the trusted key over its payload, and that payload (parsed strictly) must name
 * exactly this image digest. The payload's docker-reference is reported, not trusted, like cosign.
 */
public final class CosignSignatureVerifier {
    private static final int MAX_SIGNATURES = 256;

    private final RegistryClient registry;

    public CosignSignatureVerifier(RegistryClient registry) {
        this.registry = registry;
    }

    /** The outcome; {@code problems} says why each signature layer was not accepted. */
    public record Verification(boolean verified, int signatures, String dockerReference, List<String> problems) {}

    public Verification verify(ImageReference image, PublicKey trusted) throws IOException, InterruptedException {
        return verify(image, CosignSignaturePublisher.verifierFor(trusted));
    }

    /** Verifies with a {@code signing} package verifier: a PEM public key, or a KMS key's public half. */
    public Verification verify(ImageReference image, SignatureVerifier trusted) throws IOException, InterruptedException {
        if (image.digest() == null) {
            throw new IllegalArgumentException("verify by digest: " + image + " has no digest");
        }
        List<String> problems = new ArrayList<>();
        ManifestDocument imageManifest = registry.getManifest(image.repository(), image.digest().toString());
        if (imageManifest == null) {
            problems.add("image " + image + " not found in the registry");
            return new Verification(false, 0, null, problems);
        }
        String tag = image.digest().signatureTag();
        ManifestDocument signatures = registry.getManifest(image.repository(), tag);
        if (signatures == null) {
            problems.add("no signatures: " + image.repositoryReference() + ":" + tag + " does not exist");
            return new Verification(false, 0, null, problems);
        }
        List<Descriptor> layers = CosignSignatureManifest.from(signatures).layers();
        if (layers.size() > MAX_SIGNATURES) {
            problems.add("signature manifest has " + layers.size() + " layers, over the limit of " + MAX_SIGNATURES);
            return new Verification(false, layers.size(), null, problems);
        }
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            String where = "signature layer " + i;
            if (!CosignSignatureManifest.LAYER_MEDIA_TYPE.equals(layer.mediaType())) {
                problems.add(where + ": media type " + layer.mediaType() + " is not a simple signing payload");
                continue;
            }
            String encoded = layer.annotations().get(CosignSignatureManifest.SIGNATURE_ANNOTATION);
            if (encoded == null) {
                problems.add(where + ": no " + CosignSignatureManifest.SIGNATURE_ANNOTATION + " annotation");
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": signature annotation is not valid base64");
                continue;
            }
            byte[] payload = registry.readBlob(image.repository(), layer, SimpleSigningPayload.MAX_BYTES);
            if (!trusted.verify(payload, signature)) {
                problems.add(where + ": signature does not verify with the given key");
                continue;
            }
            SimpleSigningPayload parsed;
            try {
                parsed = SimpleSigningPayload.parse(payload, where + " payload");
            } catch (InvalidImageException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (!parsed.imageDigest().equals(image.digest())) {
                problems.add(where + ": payload is for " + parsed.imageDigest() + ", not " + image.digest());
                continue;
            }
            return new Verification(true, layers.size(), parsed.dockerReference(), problems);
        }
        return new Verification(false, layers.size(), null, problems);
    }
}
