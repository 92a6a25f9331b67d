package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.VerifyingInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An image in a registry, addressed by digest, as the source of a promotion. Manifests are checked against the
 * digest they were asked for; blobs stream through digest verification, so a tampered source cannot be promoted.
 */
public final class RegistryImageSource implements ImageSource {
    private final RegistryClient registry;
    private final ImageReference reference;

    public RegistryImageSource(RegistryClient registry, ImageReference reference) {
        if (reference.digest() == null) {
            throw new IllegalArgumentException("promotion copies by digest: " + reference + " has none");
        }
        this.registry = registry;
        this.reference = reference;
    }

    @Override
    public ManifestDocument root() throws IOException {
        return manifest(reference.digest().toString());
    }

    @Override
    public ManifestDocument manifest(Descriptor descriptor) throws IOException {
        ManifestDocument manifest = manifest(descriptor.digest().toString());
        if (!manifest.mediaType().equals(descriptor.mediaType())) {
            throw new InvalidImageException(describe() + ": manifest " + descriptor.digest() + " is "
                    + manifest.mediaType() + ", its index says " + descriptor.mediaType());
        }
        return manifest;
    }

    private ManifestDocument manifest(String digest) throws IOException {
        try {
            ManifestDocument manifest = registry.getManifest(reference.repository(), digest);
            if (manifest == null) {
                throw new RegistryException(describe() + ": manifest " + digest + " not found", 404, java.util.List.of());
            }
            return manifest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted reading " + digest);
        }
    }

    @Override
    public void requireBlob(Descriptor descriptor) {
        // Checked while streaming: the registry's answer is verified against the descriptor.
    }

    @Override
    public InputStream openBlob(Descriptor descriptor, VerifyingInputStream.ByteCounter counter) throws IOException {
        try {
            InputStream verified = registry.openBlob(reference.repository(), descriptor);
            if (counter == null) {
                return verified;
            }
            return new FilterInputStream(verified) {
                private long count;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        count += n;
                        counter.bytesRead(count);
                    }
                    return n;
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted downloading " + descriptor.digest());
        }
    }

    @Override
    public String describe() {
        return reference.toString();
    }
}
