package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One expected file: its base-relative name (normalized, see {@link ArtifactPath}), its digest and, when the
 * checksum format records it (our JSON manifest does, coreutils formats do not), its size in bytes. A class rather
 * than a record because it crosses the Jenkins remoting channel and {@link OptionalLong} is not serializable.
 */
public final class ChecksumEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long UNKNOWN_SIZE = -1;

    private final String name;
    private final ArtifactDigest digest;
    private final long size;

    public ChecksumEntry(String name, ArtifactDigest digest, OptionalLong size) {
        this.name = Objects.requireNonNull(name, "name");
        this.digest = Objects.requireNonNull(digest, "digest");
        if (!ArtifactPath.normalize(name).equals(name)) {
            throw new IllegalArgumentException("name must be normalized: '" + ArtifactPath.printable(name) + "'");
        }
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        this.size = size.orElse(UNKNOWN_SIZE);
    }

    public ChecksumEntry(String name, ArtifactDigest digest) {
        this(name, digest, OptionalLong.empty());
    }

    public String name() {
        return name;
    }

    public ArtifactDigest digest() {
        return digest;
    }

    /** The expected size in bytes, when the checksum format records it. */
    public OptionalLong size() {
        return size == UNKNOWN_SIZE ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChecksumEntry that && name.equals(that.name) && digest.equals(that.digest) && size == that.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, digest, size);
    }

    @Override
    public String toString() {
        return ArtifactPath.printable(name) + " " + digest + (size == UNKNOWN_SIZE ? "" : " " + size + " bytes");
    }
}
