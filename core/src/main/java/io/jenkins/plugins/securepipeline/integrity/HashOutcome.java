package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;

/** The result of hashing one named file: its size and digest, or why it could not be hashed. */
public sealed interface HashOutcome extends Serializable permits HashOutcome.Hashed, HashOutcome.Failed {
    /** The base-relative name. */
    String name();

    record Hashed(String name, long size, ArtifactDigest digest) implements HashOutcome {}

    /**
     * @param missing true when the file does not exist (as opposed to existing but not readable or refused)
     * @param reason  a short reason without file contents, e.g. "permission denied"
     */
    record Failed(String name, boolean missing, String reason) implements HashOutcome {}
}
