package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns operands (a file, a directory tree, or a glob) into the sorted set of base-relative file names to hash.
 * Globs use {@link java.nio.file.FileSystem#getPathMatcher} syntax against the base-relative name: {@code *}
 * stays within one directory, {@code **} crosses directories, and a leading {@code **}{@code /} also matches
 * at the top level. Symbolic links met while walking a tree are never followed; they are reported as skipped.
 */
public final class ArtifactSelector {
    private final BaseDirectory base;

    public ArtifactSelector(BaseDirectory base) {
        this.base = base;
    }

    /** The files selected, and the symbolic links passed over (so callers can say so rather than hide it). */
    public record Selection(List<String> files, List<String> skippedSymlinks) {}

    /**
     * @throws NoSuchFileException when a plain operand does not exist or a glob matches nothing
     * @throws IllegalArgumentException when an operand leaves the base directory
     */
    public Selection select(List<String> operands) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        TreeSet<String> skipped = new TreeSet<>();
        for (String operand : operands) {
            String relative = relativeToBase(operand);
            if (ArtifactPath.namesBaseDirectory(relative)) {
                walk(base.root(), files, skipped, false);
                continue;
            }
            String name = ArtifactPath.normalize(relative);
            // A name like "app[1].jar" that exists is that file, not a pattern.
            if (isGlob(name) && !Files.exists(base.root().resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                int before = files.size();
                selectGlob(name, files, skipped);
                if (files.size() == before) {
                    throw new NoSuchFileException(name, null, "no file matches this pattern");
                }
            } else {
                selectPath(name, files, skipped);
            }
        }
        return new Selection(List.copyOf(files), List.copyOf(skipped));
    }

    /** Every non-directory entry below the base directory, links included but not followed (for exact-set checks). */
    public List<String> everyEntry() throws IOException {
        TreeSet<String> entries = new TreeSet<>();
        walk(base.root(), entries, entries, true);
        return List.copyOf(entries);
    }

    /**
     * The normalized base-relative name of one file operand (relative, or absolute inside the base directory).
     *
     * @throws IllegalArgumentException when the operand leaves the base directory
     */
    public String nameOf(String operand) {
        return ArtifactPath.normalize(relativeToBase(operand));
    }

    private String relativeToBase(String operand) {
        Path path = Path.of(operand);
        if (path.isAbsolute() && !isGlob(operand)) {
            // An absolute operand is accepted only when it lies inside the base directory.
            Path normalized = path.normalize();
            if (normalized.equals(base.root())) {
                return ".";
            }
            if (normalized.startsWith(base.root())) {
                return base.nameOf(normalized);
            }
        }
        return operand;
    }

    private void selectPath(String name, TreeSet<String> files, TreeSet<String> skipped) throws IOException {
        // resolveExisting refuses links that are not followed or that escape the base directory.
        Path path = base.resolveExisting(name);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            walk(path, files, skipped, false);
        } else {
            base.resolveFile(name);
            files.add(name);
        }
    }

    private void selectGlob(String pattern, TreeSet<String> files, TreeSet<String> skipped) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        PathMatcher topLevel = pattern.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3))
                : matcher;
        String prefix = literalPrefix(pattern);
        Path start;
        try {
            // Checks every component of the prefix for symbolic links, as for any other name.
            start = prefix.isEmpty() ? base.root() : base.resolveExisting(prefix);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        TreeSet<String> candidates = new TreeSet<>();
        TreeSet<String> links = new TreeSet<>();
        walk(start, candidates, links, false);
        for (String candidate : candidates) {
            Path relative = Path.of(candidate);
            if (matcher.matches(relative) || topLevel.matches(relative)) {
                files.add(candidate);
            }
        }
        for (String link : links) {
            Path relative = Path.of(link);
            if (matcher.matches(relative) || topLevel.matches(relative)) {
                skipped.add(link);
            }
        }
    }

    /** The directories of the pattern before its first wildcard: the walk starts there, not at the base. */
    private static String literalPrefix(String pattern) {
        List<String> literal = new ArrayList<>();
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length - 1 && !isGlob(segments[i]); i++) {
            literal.add(segments[i]);
        }
        return String.join("/", literal);
    }

    private static boolean isGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private void walk(Path start, TreeSet<String> files, TreeSet<String> links, boolean includeSpecialFiles)
            throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = base.nameOf(file);
                if (attributes.isSymbolicLink()) {
                    if (base.followsSymlinks()) {
                        addFollowed(name, files, links);
                    } else {
                        links.add(name);
                    }
                } else if (attributes.isRegularFile()) {
                    files.add(name);
                } else if (includeSpecialFiles) {
                    files.add(name);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // An unreadable directory would silently shrink the set of files: fail instead.
                throw e;
            }
        });
    }

    private void addFollowed(String name, TreeSet<String> files, TreeSet<String> links) {
        try {
            base.resolveFile(name);
            files.add(name);
        } catch (IOException e) {
            // Links to directories, outside the base, or dangling are not hashed; they are reported as skipped.
            links.add(name);
        }
    }
}
