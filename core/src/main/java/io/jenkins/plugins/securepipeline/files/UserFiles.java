package io.jenkins.plugins.securepipeline.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way core reads a file that a person named (a signing or public key, a policy, a web identity token, a
 * checksum file, a calendar, a password file, a template): it must be a regular file, and no more than a limit is
 * read. Without this a FIFO given as input blocks the process forever and {@code /dev/zero} fills the heap.
 *
 * <p>The check happens before the file is opened, because opening a FIFO already blocks until someone writes to it.
 * A file swapped for a FIFO between the check and the open is not caught; these are the user's own files, and the
 * point is to explain a mistake, not to defend against the user. Symbolic links are followed, as a shell would.
 *
 * <p>JDK only: agent-side code (image sources, checksum verification) uses it too.
 */
public final class UserFiles {
    // S_IFMT file types of the "unix:mode" attribute (POSIX), to tell a FIFO from a device in the message.
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private UserFiles() {}

    /**
     * Reads a whole file of at most {@code maxBytes}.
     *
     * @throws UserFileException naming the path and the problem
     */
    public static byte[] read(Path file, long maxBytes) throws UserFileException {
        BasicFileAttributes attributes = requireRegularFile(file);
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit: a file growing underneath us is refused too.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, maxBytes);
            }
            return bytes;
        } catch (UserFileException e) {
            throw e;
        } catch (IOException e) {
            throw explain(file, e);
        }
    }

    /**
     * Opens a regular file for streaming; reading past {@code maxBytes} fails with "is larger than" instead of
     * going on. The caller closes the stream.
     */
    public static InputStream open(Path file, long maxBytes) throws UserFileException {
        BasicFileAttributes attributes = requireRegularFile(file);
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        try {
            return new LimitedInputStream(Files.newInputStream(file), file, maxBytes);
        } catch (IOException e) {
            throw explain(file, e);
        }
    }

    /**
     * Checks that a path is an existing regular file (after following links), without opening it.
     *
     * @return its attributes
     */
    public static BasicFileAttributes requireRegularFile(Path file) throws UserFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw explain(file, e);
        }
        if (!attributes.isRegularFile()) {
            throw new UserFileException(file, "is " + kind(file, attributes) + ", not a regular file");
        }
        return attributes;
    }

    /** What a path is, for messages: "a directory", "a FIFO (named pipe)", "a device", "a socket", "a regular file". */
    public static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return "a regular file";
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & TYPE_MASK;
            switch (type) {
                case FIFO:
                    return "a FIFO (named pipe)";
                case CHARACTER_DEVICE:
                case BLOCK_DEVICE:
                    return "a device";
                case SOCKET:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // No POSIX file types on this file system (Windows): the general word has to do.
        }
        return "a special file";
    }

    /** An I/O failure on a user's file in plain words: no Java class names, the path first. */
    public static UserFileException explain(Path file, IOException e) {
        if (e instanceof UserFileException known) {
            return known;
        }
        if (e instanceof NoSuchFileException) {
            return new UserFileException(file, "no such file or directory");
        }
        if (e instanceof AccessDeniedException) {
            return new UserFileException(file, "permission denied");
        }
        if (e instanceof NotDirectoryException) {
            return new UserFileException(file, "a part of the path is not a directory");
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return new UserFileException(file, "cannot be read: " + fileSystem.getReason());
        }
        return new UserFileException(file, "cannot be read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static UserFileException tooLarge(Path file, long maxBytes) {
        return new UserFileException(file, "is larger than " + maxBytes + " bytes");
    }

    /** Fails once more than the limit has been read. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final Path file;
        private final long maxBytes;
        private long count;

        LimitedInputStream(InputStream in, Path file, long maxBytes) {
            super(in);
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws UserFileException {
            count += n;
            if (count > maxBytes) {
                throw tooLarge(file, maxBytes);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
