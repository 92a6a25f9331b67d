package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One expected file: its base-relative name (normalized, see {@link ArtifactPath}), its digest and, when the
 * checksum format records it (our JSON manifest does, coreutils formats do not), its size in bytes.
 */
public record ChecksumEntry(String name, ArtifactDigest digest, OptionalLong size) implements Serializable {
    public ChecksumEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(size, "size");
        if (!ArtifactPath.normalize(name).equals(name)) {
            throw new IllegalArgumentException("name must be normalized: '" + ArtifactPath.printable(name) + "'");
        }
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public ChecksumEntry(String name, ArtifactDigest digest) {
        this(name, digest, OptionalLong.empty());
    }
}
