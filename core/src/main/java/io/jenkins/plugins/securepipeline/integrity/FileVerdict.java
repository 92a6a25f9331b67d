package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What verification found for one file.
 *
 * @param expected the listed digest; null for {@link Status#UNEXPECTED}
 * @param actual   the computed digest; null unless the file could be read
 * @param detail   why a file is {@link Status#UNREADABLE} or why sizes differ; empty otherwise
 */
public record FileVerdict(String name, Status status, ArtifactDigest expected, ArtifactDigest actual,
        OptionalLong expectedSize, OptionalLong actualSize, String detail) implements Serializable {

    public enum Status {
        /** Present and byte-identical to the listed digest (and size, when listed). */
        MATCH,
        /** Present, but its digest or size differs from the listed one. */
        MISMATCH,
        /** Listed, but not present. */
        MISSING,
        /** Present but not listed, in an exact-set check. */
        UNEXPECTED,
        /** Present, but could not or may not be read (permission, symbolic link, directory, I/O error). */
        UNREADABLE
    }

    public FileVerdict {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expectedSize, "expectedSize");
        Objects.requireNonNull(actualSize, "actualSize");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isMatch() {
        return status == Status.MATCH;
    }
}
