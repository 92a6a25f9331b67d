package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;

/**
 * Caps that keep a hostile checksum file from exhausting memory or time: total size, one line's length (a file
 * name is at most 4096 bytes on Linux, escaped at most twice that), and the number of entries.
 */
public record ChecksumLimits(long maxBytes, int maxLineBytes, int maxEntries) implements Serializable {
    public static final ChecksumLimits DEFAULT = new ChecksumLimits(256L * 1024 * 1024, 16 * 1024, 200_000);

    public ChecksumLimits {
        if (maxBytes < 1 || maxLineBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
