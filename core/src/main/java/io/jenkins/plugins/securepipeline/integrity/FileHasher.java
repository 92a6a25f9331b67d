package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Streams one file at a time through a digest with a single reusable buffer, so memory stays at the buffer size
 * whatever the file size. Not thread-safe: {@link ParallelHasher} gives each worker its own instance.
 */
public final class FileHasher {
    /** Large enough that system-call overhead vanishes next to hashing, small enough to stay in L2 cache. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;

    /**
     * Read-only, not following a link as the last component. One set for every file: the varargs form of
     * {@code FileChannel.open} builds a new set for each call.
     */
    private static final Set<OpenOption> READ_NOFOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final DigestAlgorithm algorithm;
    private final MessageDigest digest;
    // A direct buffer: the kernel copies page-cache data straight into it, with no extra Java-heap copy.
    private final ByteBuffer buffer;

    public FileHasher(DigestAlgorithm algorithm) {
        this(algorithm, DEFAULT_BUFFER_SIZE);
    }

    public FileHasher(DigestAlgorithm algorithm, int bufferSize) {
        this.algorithm = algorithm;
        this.digest = algorithm.newMessageDigest();
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Hashes a file; the last path component is opened without following a symbolic link (callers check the
     * parents, see {@link BaseDirectory#resolveFile}).
     */
    public HashedFile hash(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, READ_NOFOLLOW)) {
            return hash(channel);
        }
    }

    /** Hashes everything the channel yields from its current position to its end. */
    public HashedFile hash(FileChannel channel) throws IOException {
        digest.reset();
        long size = 0;
        buffer.clear();
        int read;
        while ((read = channel.read(buffer)) >= 0) {
            size += read;
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return new HashedFile(size, new ArtifactDigest(algorithm, digest.digest()));
    }

    /** What hashing one file yields: its size in bytes and its digest. */
    public record HashedFile(long size, ArtifactDigest digest) {}
}
