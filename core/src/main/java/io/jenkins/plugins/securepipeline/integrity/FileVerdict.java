package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What verification found for one file. A class rather than a record because it crosses the Jenkins remoting
 * channel and {@link OptionalLong} is not serializable.
 */
public final class FileVerdict implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long UNKNOWN_SIZE = -1;

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

    private final String name;
    private final Status status;
    private final ArtifactDigest expected;
    private final ArtifactDigest actual;
    private final long expectedSize;
    private final long actualSize;
    private final String detail;

    /**
     * @param expected the listed digest; null for {@link Status#UNEXPECTED}
     * @param actual   the computed digest; null unless the file could be read
     * @param detail   why a file is {@link Status#UNREADABLE} or why sizes differ; empty otherwise
     */
    public FileVerdict(String name, Status status, ArtifactDigest expected, ArtifactDigest actual,
            OptionalLong expectedSize, OptionalLong actualSize, String detail) {
        this.name = Objects.requireNonNull(name, "name");
        this.status = Objects.requireNonNull(status, "status");
        this.expected = expected;
        this.actual = actual;
        this.expectedSize = expectedSize.orElse(UNKNOWN_SIZE);
        this.actualSize = actualSize.orElse(UNKNOWN_SIZE);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    /** The listed digest; null for {@link Status#UNEXPECTED}. */
    public ArtifactDigest expected() {
        return expected;
    }

    /** The computed digest; null unless the file could be read. */
    public ArtifactDigest actual() {
        return actual;
    }

    public OptionalLong expectedSize() {
        return expectedSize == UNKNOWN_SIZE ? OptionalLong.empty() : OptionalLong.of(expectedSize);
    }

    public OptionalLong actualSize() {
        return actualSize == UNKNOWN_SIZE ? OptionalLong.empty() : OptionalLong.of(actualSize);
    }

    /** Why a file is {@link Status#UNREADABLE} or why sizes differ; empty otherwise. */
    public String detail() {
        return detail;
    }

    public boolean isMatch() {
        return status == Status.MATCH;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileVerdict that && name.equals(that.name) && status == that.status
                && Objects.equals(expected, that.expected) && Objects.equals(actual, that.actual)
                && expectedSize == that.expectedSize && actualSize == that.actualSize && detail.equals(that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, status, expected, actual, expectedSize, actualSize, detail);
    }

    @Override
    public String toString() {
        return status + " " + ArtifactPath.printable(name) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
