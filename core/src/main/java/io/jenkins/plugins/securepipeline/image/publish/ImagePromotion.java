package io.jenkins.plugins.securepipeline.image.publish;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.ecr.ImmutableTagConflict;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import io.jenkins.plugins.securepipeline.image.registry.RegistryImageSource;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureManifest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Promotes an image by digest from one repository (or registry, or account) to another: the manifest bytes are
 * copied unchanged, so the digest that was tested is the digest that is deployed, and the image's existing cosign
 * signatures ({@code .sig}) and attestations ({@code .att}) go with it. Blobs are mounted instead of copied when both repositories are on one registry.
 */
public final class ImagePromotion {
    private final RegistryClient sourceRegistry;
    private final RegistryClient targetRegistry;
    private final ImagePusher pusher;

    public ImagePromotion(RegistryClient sourceRegistry, RegistryClient targetRegistry, ImagePusher pusher) {
        this.sourceRegistry = sourceRegistry;
        this.targetRegistry = targetRegistry;
        this.pusher = pusher;
    }

    /** The copied image and how many layers the target's signature and attestation tags gained. */
    public record Promoted(PushResult push, int signaturesCopied, int attestationsCopied) {}

    public Promoted copy(ImageReference source, ImageReference target) throws IOException, InterruptedException {
        if (source.digest() == null) {
            throw new IllegalArgumentException("promote by digest: " + source + " has no @sha256:... digest");
        }
        boolean sameRegistry = source.registry().equals(target.registry());
        String mountFrom = sameRegistry ? source.repository() : null;
        PushResult pushed;
        try {
            pushed = pusher.push(new RegistryImageSource(sourceRegistry, source), target, mountFrom);
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), target.tag() == null ? "" : target.tag());
        }
        if (!pushed.digest().equals(source.digest())) {
            throw new RegistryException("promotion changed the digest from " + source.digest() + " to " + pushed.digest());
        }
        int signatures;
        try {
            signatures = copySignatures(source, target, mountFrom, source.digest().signatureTag());
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), source.digest().signatureTag());
        }
        try {
            // Attestations have the same manifest layout (layers with a signature annotation, empty for DSSE).
            return new Promoted(pushed, signatures,
                    copySignatures(source, target, mountFrom, source.digest().attestationTag()));
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), source.digest().attestationTag());
        }
    }

    /** Copies or merges the cosign manifest under {@code tag} ({@code .sig} or {@code .att}); returns layers added. */
    private int copySignatures(ImageReference source, ImageReference target, String mountFrom, String tag)
            throws IOException, InterruptedException {
        ManifestDocument sourceSignatures = sourceRegistry.getManifest(source.repository(), tag);
        if (sourceSignatures == null) {
            return 0;
        }
        ManifestDocument targetSignatures = targetRegistry.getManifest(target.repository(), tag);
        if (targetSignatures == null) {
            // Copy the signature manifest byte for byte, as cosign copy does.
            pusher.push(new RegistryImageSource(sourceRegistry, source.withDigest(sourceSignatures.digest())),
                    target.withTag(tag), mountFrom);
            return sourceSignatures.layers().size();
        }
        CosignSignatureManifest merged = CosignSignatureManifest.from(targetSignatures);
        int added = 0;
        for (Descriptor layer : CosignSignatureManifest.from(sourceSignatures).layers()) {
            if (merged.contains(layer) || !layer.annotations().containsKey(CosignSignatureManifest.SIGNATURE_ANNOTATION)) {
                continue;
            }
            copyBlob(source.repository(), target.repository(), layer, mountFrom);
            merged = merged.append(layer);
            added++;
        }
        if (added == 0) {
            return 0;
        }
        byte[] config = merged.configBytes();
        Descriptor configDescriptor = merged.configDescriptor();
        if (!targetRegistry.blobExists(target.repository(), configDescriptor)) {
            targetRegistry.uploadBlob(target.repository(), configDescriptor,
                    counter -> new io.jenkins.plugins.securepipeline.image.VerifyingInputStream(
                            new java.io.ByteArrayInputStream(config), configDescriptor, "signature config", counter),
                    io.jenkins.plugins.securepipeline.image.registry.PushProgress.NONE);
        }
        ManifestDocument manifest = merged.toManifest();
        targetRegistry.putManifest(target.repository(), tag, manifest);
        ManifestDocument readBack = targetRegistry.getManifest(target.repository(), tag);
        if (readBack == null || !readBack.digest().equals(manifest.digest())) {
            throw new RegistryException("merged signature manifest " + target.repository() + ":" + tag
                    + " did not read back as pushed");
        }
        return added;
    }

    private void copyBlob(String fromRepository, String toRepository, Descriptor blob, String mountFrom)
            throws IOException, InterruptedException {
        if (targetRegistry.blobExists(toRepository, blob)) {
            return;
        }
        if (mountFrom != null && targetRegistry.mountBlob(toRepository, mountFrom, blob)) {
            return;
        }
        targetRegistry.uploadBlob(toRepository, blob, counter -> {
            try {
                InputStream in = sourceRegistry.openBlob(fromRepository, blob);
                return in;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }, io.jenkins.plugins.securepipeline.image.registry.PushProgress.NONE);
    }
}
