package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams one file at a time through a digest with a single reusable buffer, so memory stays at the buffer size
 * whatever the file size. Not thread-safe: {@link ParallelHasher} gives each worker its own instance.
 *
 * <p>With read-ahead, a file of {@value #READ_AHEAD_MIN_SIZE} bytes or more is read by a second thread while this
 * one hashes: reading (the kernel copying from the page cache) then costs the hashing thread nothing, which is worth
 * up to a fifth of the time for one large file when a core is free. {@link ParallelHasher} asks for it only when it
 * hashes a single file, so it never competes with the other files for the cores.
 */
public final class FileHasher {
    /** Large enough that system-call overhead vanishes next to hashing, small enough to stay in L2 cache. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;

    /**
     * Read-only, not following a link as the last component. One set for every file: the varargs form of
     * {@code FileChannel.open} builds a new set for each call.
     */
    private static final Set<OpenOption> READ_NOFOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** Files smaller than this are read by the hashing thread itself: a thread costs more than it saves there. */
    static final long READ_AHEAD_MIN_SIZE = 8L << 20;
    /** Pieces the reading thread hands over: four of 1 MiB, so it can run ahead while one is hashed. */
    private static final int READ_AHEAD_PIECES = 4;
    private static final int READ_AHEAD_PIECE_SIZE = 1 << 20;

    private final DigestAlgorithm algorithm;
    private final MessageDigest digest;
    // A direct buffer: the kernel copies page-cache data straight into it, with no extra Java-heap copy.
    private final ByteBuffer buffer;
    private final boolean readAhead;
    /** The read-ahead pieces, made on first use and kept for the next large file. */
    private byte[][] pieces;

    public FileHasher(DigestAlgorithm algorithm) {
        this(algorithm, DEFAULT_BUFFER_SIZE);
    }

    public FileHasher(DigestAlgorithm algorithm, int bufferSize) {
        this(algorithm, bufferSize, false);
    }

    /** @param readAhead read large files on a second thread (see the class comment) */
    public FileHasher(DigestAlgorithm algorithm, int bufferSize, boolean readAhead) {
        this.algorithm = algorithm;
        this.digest = algorithm.newMessageDigest();
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
        this.readAhead = readAhead;
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
        if (readAhead && channel.size() - channel.position() >= READ_AHEAD_MIN_SIZE) {
            return hashReadingAhead(channel);
        }
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

    /** A piece read ahead: {@code length} bytes of {@code bytes}; a null array ends the file. */
    private record Piece(byte[] bytes, int length, IOException failure) {}

    private HashedFile hashReadingAhead(FileChannel channel) throws IOException {
        if (pieces == null) {
            pieces = new byte[READ_AHEAD_PIECES][READ_AHEAD_PIECE_SIZE];
        }
        BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(READ_AHEAD_PIECES, false, List.of(pieces));
        BlockingQueue<Piece> full = new ArrayBlockingQueue<>(READ_AHEAD_PIECES + 1);
        Thread reader = new Thread(() -> readAhead(channel, empty, full), "artifact-reader");
        reader.setDaemon(true);
        reader.start();
        digest.reset();
        long size = 0;
        try {
            Piece piece;
            while ((piece = full.take()).bytes() != null) {
                digest.update(piece.bytes(), 0, piece.length());
                size += piece.length();
                empty.add(piece.bytes());
            }
            if (piece.failure() != null) {
                throw piece.failure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("hashing interrupted");
        } finally {
            // Stops a reader still running (this thread was interrupted, or failed); it has ended otherwise.
            reader.interrupt();
        }
        return new HashedFile(size, new ArtifactDigest(algorithm, digest.digest()));
    }

    /** The reading thread: fills empty pieces to the end of the file, then hands over the end (or the failure). */
    private static void readAhead(FileChannel channel, BlockingQueue<byte[]> empty, BlockingQueue<Piece> full) {
        try {
            while (true) {
                byte[] bytes = empty.take();
                ByteBuffer piece = ByteBuffer.wrap(bytes);
                int read = 0;
                while (piece.hasRemaining() && (read = channel.read(piece)) >= 0) {
                    // Fill the piece: fewer, larger updates for the hashing thread.
                }
                if (piece.position() > 0) {
                    full.put(new Piece(bytes, piece.position(), null));
                }
                if (read < 0) {
                    full.put(new Piece(null, 0, null));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // The hashing thread gave up on this file.
        } catch (IOException e) {
            // Room for it: at most all pieces are full, and the queue holds one more.
            full.add(new Piece(null, 0, e));
        }
    }

    /** What hashing one file yields: its size in bytes and its digest. */
    public record HashedFile(long size, ArtifactDigest digest) {}
}
