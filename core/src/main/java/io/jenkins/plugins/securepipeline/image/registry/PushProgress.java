package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.Digest;

/** Receives upload progress for the CLI progress bar and the Jenkins build log; called from upload threads. */
@FunctionalInterface
public interface PushProgress {
    PushProgress NONE = (digest, sent, total) -> { };

    /** Before any transfer: one call per blob of the image, so a display knows the total from the start. */
    default void blobPlanned(Digest digest, long total) {}

    /** {@code sent} restarts from 0 when an upload is retried. */
    void blobProgress(Digest digest, long sent, long total);

    /** The blob is in the registry: uploaded, mounted or already there. */
    default void blobDone(Digest digest, long total, BlobOutcome outcome) {}

    /** How a blob got into the target repository. */
    enum BlobOutcome { UPLOADED, MOUNTED, EXISTED }
}
