package io.jenkins.plugins.securepipeline.integrity;

import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

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
