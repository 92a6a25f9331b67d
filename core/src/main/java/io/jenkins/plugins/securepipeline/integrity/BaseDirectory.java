package io.jenkins.plugins.securepipeline.integrity;

import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory every artifact name is relative to, and the only place files are read from. Names are checked
 * syntactically ({@link ArtifactPath}), then each path component is checked on disk: a symbolic link is refused
 * unless links are followed, and even then its target must lie inside the base directory.
 */
public final class BaseDirectory {
    private final Path root;
    private final boolean followSymlinks;

    private BaseDirectory(Path root, boolean followSymlinks) {
        this.root = root;
        this.followSymlinks = followSymlinks;
    }

    /** Symbolic links are not followed. */
    public static BaseDirectory of(Path directory) throws IOException {
        return of(directory, false);
    }

    public static BaseDirectory of(Path directory, boolean followSymlinks) throws IOException {
        Path real = directory.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException("base directory " + directory + " is not a directory");
        }
        return new BaseDirectory(real, followSymlinks);
    }

    /** The real (symlink-free, absolute) path of the base directory. */
    public Path root() {
        return root;
    }

    public boolean followsSymlinks() {
        return followSymlinks;
    }

    /**
     * Resolves a normalized relative name to a regular file inside the base directory.
     *
     * @throws NoSuchFileException when the file (or a parent directory) does not exist
     * @throws RefusedPathException when a symbolic link is in the way, or the name is not a regular file
     */
    public Path resolveFile(String normalizedName) throws IOException {
        Path file = resolveExisting(normalizedName);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new RefusedPathException(attributes.isDirectory() ? "is a directory"
                    : "is " + UserFiles.kind(file, attributes) + ", not a regular file");
        }
        return file;
    }

    /**
     * Resolves a normalized relative name to an existing file or directory inside the base directory, checking every
     * component for symbolic links. The result has no symbolic link left in it below the base directory.
     */
    public Path resolveExisting(String normalizedName) throws IOException {
        Path current = root;
        String[] segments = normalizedName.split("/");
        for (int i = 0; i < segments.length; i++) {
            current = current.resolve(segments[i]);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(normalizedName);
            }
            if (attributes.isSymbolicLink()) {
                current = followLink(current, normalizedName);
                attributes = Files.readAttributes(current, BasicFileAttributes.class);
            }
            if (i < segments.length - 1 && !attributes.isDirectory()) {
                throw new NoSuchFileException(normalizedName);
            }
        }
        return current;
    }

    /**
     * A resolver for one operation over many names (hashing a tree, verifying a checksum file). It checks every
     * directory on the way as {@link #resolveFile} does, but each directory once: the thousandth file of a directory
     * costs one {@code lstat} of the file instead of one per path component. Files are checked every time. A
     * directory replaced by a link after it was checked is not noticed until the next operation; checking and
     * opening are never one atomic step anyway (the same replacement between the check and the open of one file is
     * not noticed either), and the file itself is still opened without following a link. Thread-safe.
     */
    public Resolver resolver() {
        return new Resolver();
    }

    /** See {@link #resolver()}. */
    public final class Resolver {
        /** Normalized directory name to its checked, link-free path. */
        private final ConcurrentHashMap<String, Path> checkedDirectories = new ConcurrentHashMap<>();

        private Resolver() {}

        /** As {@link BaseDirectory#resolveFile}, with the same exceptions. */
        public Path resolveFile(String normalizedName) throws IOException {
            return resolveFile(normalizedName, null);
        }

        /**
         * As {@link #resolveFile(String)}, and also returns the attributes read for the file (following a link
         * only when links are followed), so that a caller needs no second look at the file.
         */
        public Path resolveFile(String normalizedName, BasicFileAttributes[] attributesOut) throws IOException {
            int slash = normalizedName.lastIndexOf('/');
            Path parent = slash < 0 ? root : directory(normalizedName.substring(0, slash), normalizedName);
            Path file = parent.resolve(slash < 0 ? normalizedName : normalizedName.substring(slash + 1));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(normalizedName);
            }
            if (attributes.isSymbolicLink()) {
                file = followLink(file, normalizedName);
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            }
            if (!attributes.isRegularFile()) {
                throw new RefusedPathException(attributes.isDirectory() ? "is a directory" : "is not a regular file");
            }
            if (attributesOut != null) {
                attributesOut[0] = attributes;
            }
            return file;
        }

        /** The checked path of a directory; {@code fileName} names the file being resolved, for messages. */
        private Path directory(String directoryName, String fileName) throws IOException {
            Path known = checkedDirectories.get(directoryName);
            if (known != null) {
                return known;
            }
            int slash = directoryName.lastIndexOf('/');
            Path parent = slash < 0 ? root : directory(directoryName.substring(0, slash), fileName);
            Path current = parent.resolve(slash < 0 ? directoryName : directoryName.substring(slash + 1));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(fileName);
            }
            if (attributes.isSymbolicLink()) {
                current = followLink(current, fileName);
                attributes = Files.readAttributes(current, BasicFileAttributes.class);
            }
            if (!attributes.isDirectory()) {
                throw new NoSuchFileException(fileName);
            }
            checkedDirectories.put(directoryName, current);
            return current;
        }
    }

    private Path followLink(Path link, String name) throws IOException {
        if (!followSymlinks) {
            throw new RefusedPathException("is or passes through a symbolic link (symbolic links are not followed)");
        }
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(name);
        }
        if (!target.startsWith(root)) {
            throw new RefusedPathException("symbolic link points outside the base directory");
        }
        return target;
    }

    /** The base-relative, {@code /}-separated name of a path under the base directory. */
    public String nameOf(Path path) {
        Path relative = root.relativize(path);
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(segment);
        }
        return name.toString();
    }

    /** A file that exists but may not be read: a symbolic link that is not followed or escapes, a directory, a device. */
    public static final class RefusedPathException extends IOException {
        private static final long serialVersionUID = 1L;

        public RefusedPathException(String reason) {
            super(reason);
        }
    }
}
