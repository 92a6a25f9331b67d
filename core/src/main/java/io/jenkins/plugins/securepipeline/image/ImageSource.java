package io.jenkins.plugins.securepipeline.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An image on the build agent's disk. Everything read through it is verified: manifests are parsed strictly and
 * their digests recomputed, blobs are checked against their descriptor's size and digest while they stream.
 */
public interface ImageSource extends Closeable {
    /** The manifest or index that the target tag will point at. */
    ManifestDocument root() throws IOException;

    /** A child manifest of an index, verified against its descriptor. */
    ManifestDocument manifest(Descriptor descriptor) throws IOException;

    /**
     * Opens a blob for streaming; the stream fails instead of ending if the content does not match the descriptor.
     */
    InputStream openBlob(Descriptor descriptor, VerifyingInputStream.ByteCounter counter) throws IOException;

    /** Fails early, before anything is uploaded, when a blob is missing or has the wrong size on disk. */
    void requireBlob(Descriptor descriptor) throws IOException;

    /** What this source is, for messages (a path and a kind, never content). */
    String describe();

    @Override
    default void close() throws IOException {}
}
