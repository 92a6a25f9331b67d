package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every non-directory entry of a directory tree, by base-relative name, in the order of {@link String#compareTo}
 * on those names, produced while the caller consumes them: memory is one directory listing per level being
 * walked, not one entry per file of the tree.
 *
 * <p>Why depth first gives the sorted order: all names below a directory {@code d} start with {@code d/} and no
 * other name does, so they are contiguous in sorted order, and where they go among their siblings is decided by
 * comparing {@code d/} with the siblings' names. Each directory's entries are therefore sorted by name, with
 * {@code /} appended to directory names, and walked in that order.
 *
 * <p>Links are never followed (a link to a directory is an entry like any other). A directory that cannot be read
 * ends the walk with an {@link UncheckedIOException}: silently leaving it out would shrink the set of files.
 */
final class SortedTreeWalk implements Iterator<SortedTreeWalk.Entry> {
    /** What an entry is, as {@code lstat} sees it. */
    enum Kind {
        REGULAR_FILE,
        SYMBOLIC_LINK,
        /** A device, FIFO or socket. */
        OTHER,
        /** Walked into, never returned as an entry. */
        DIRECTORY
    }

    /** One entry: its base-relative name and its kind. */
    record Entry(String name, Kind kind) {}

    /**
     * A listed child: the name it sorts by (with a trailing slash for a directory) and what it is; kept small, since
     * a directory of a hundred thousand files has as many of these while it is walked.
     */
    private record Child(String sortKey, Kind kind) {}

    /** One directory being walked: where it is, its base-relative name prefix ("" or "dir/"), its remaining children. */
    private record Level(Path directory, String prefix, Iterator<Child> children) {}

    private final Deque<Level> levels = new ArrayDeque<>();
    private Entry next;

    /**
     * @param directory the directory to walk (already checked to be inside the base directory, with no link in it)
     * @param name      its base-relative name, empty for the base directory itself
     */
    SortedTreeWalk(Path directory, String name) {
        levels.push(new Level(directory, name.isEmpty() ? "" : name + "/", list(directory)));
    }

    @Override
    public boolean hasNext() {
        while (next == null && !levels.isEmpty()) {
            Level level = levels.peek();
            if (!level.children().hasNext()) {
                levels.pop();
                continue;
            }
            Child child = level.children().next();
            if (child.kind() == Kind.DIRECTORY) {
                // The sort key of a directory already ends with its slash.
                String fileName = child.sortKey().substring(0, child.sortKey().length() - 1);
                Path directory = level.directory().resolve(fileName);
                levels.push(new Level(directory, level.prefix() + child.sortKey(), list(directory)));
            } else {
                next = new Entry(level.prefix() + child.sortKey(), child.kind());
            }
        }
        return next != null;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = next;
        next = null;
        return entry;
    }

    private static Iterator<Child> list(Path directory) {
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String fileName = entry.getFileName().toString();
                if (attributes.isDirectory()) {
                    children.add(new Child(fileName + "/", Kind.DIRECTORY));
                } else {
                    children.add(new Child(fileName, attributes.isSymbolicLink() ? Kind.SYMBOLIC_LINK
                            : attributes.isRegularFile() ? Kind.REGULAR_FILE : Kind.OTHER));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DirectoryIteratorException e) {
            throw new UncheckedIOException(e.getCause());
        }
        children.sort((a, b) -> a.sortKey().compareTo(b.sortKey()));
        return children.iterator();
    }
}
