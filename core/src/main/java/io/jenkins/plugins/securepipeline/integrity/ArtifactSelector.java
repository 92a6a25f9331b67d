package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Turns operands (a file, a directory tree, or a glob) into the sorted set of base-relative file names to hash.
 * Globs use {@link java.nio.file.FileSystem#getPathMatcher} syntax against the base-relative name: {@code *}
 * stays within one directory, {@code **} crosses directories, and a leading {@code **}{@code /} also matches
 * at the top level. Symbolic links met while walking a tree are never followed; they are reported as skipped.
 *
 * <p>{@link #stream} produces the names while they are consumed (trees are walked in sorted order, see
 * {@link SortedTreeWalk}), so a caller that hashes and writes each name as it comes holds no list of the files;
 * {@link #select} collects the same names.
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
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Iterator<String> names = stream(operands, skipped::add);
        try {
            names.forEachRemaining(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Selection(List.copyOf(files), List.copyOf(skipped));
    }

    /**
     * The names {@link #select} would return, in the same order, produced while they are consumed. Everything that
     * can be known about the operands before walking is checked here, and thrown as {@link #select} throws it
     * (including a glob that matches no file); a directory that cannot be read, met later, ends the iteration with
     * an {@link UncheckedIOException}.
     *
     * @param skippedSymlink told about each symbolic link passed over, in sorted order, as the walk meets it
     */
    public Iterator<String> stream(List<String> operands, Consumer<String> skippedSymlink) throws IOException {
        List<Iterator<SortedTreeWalk.Entry>> sources = new ArrayList<>();
        try {
            for (String operand : operands) {
                sources.add(source(operand));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Iterator<SortedTreeWalk.Entry> entries = sources.size() == 1 ? sources.get(0) : new MergedEntries(sources);
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    SortedTreeWalk.Entry entry = entries.next();
                    if (entry.kind() == SortedTreeWalk.Kind.REGULAR_FILE) {
                        next = entry.name();
                    } else {
                        skippedSymlink.accept(entry.name());
                    }
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String name = next;
                next = null;
                return name;
            }
        };
    }

    /** Every non-directory entry below the base directory, links included but not followed (for exact-set checks). */
    public List<String> everyEntry() throws IOException {
        List<String> entries = new ArrayList<>();
        try {
            everyEntryInOrder().forEachRemaining(entry -> entries.add(entry.name()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return List.copyOf(entries);
    }

    /** {@link #everyEntry()} produced while it is consumed, in the same order. */
    Iterator<SortedTreeWalk.Entry> everyEntryInOrder() {
        return new SortedTreeWalk(base.root(), "");
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

    /** The sorted entries one operand selects: regular files and the links passed over. */
    private Iterator<SortedTreeWalk.Entry> source(String operand) throws IOException {
        String relative = relativeToBase(operand);
        if (ArtifactPath.namesBaseDirectory(relative)) {
            return walk(base.root());
        }
        String name = ArtifactPath.normalize(relative);
        // A name like "app[1].jar" that exists is that file, not a pattern.
        if (isGlob(name) && !Files.exists(base.root().resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            PeekingEntries matches = new PeekingEntries(glob(name));
            if (!matches.anyRegularFile()) {
                throw new NoSuchFileException(name, null, "no file matches this pattern");
            }
            return matches;
        }
        // resolveExisting refuses links that are not followed or that escape the base directory.
        Path path = base.resolveExisting(name);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return walk(path);
        }
        base.resolveFile(name);
        return List.of(new SortedTreeWalk.Entry(name, SortedTreeWalk.Kind.REGULAR_FILE)).iterator();
    }

    private Iterator<SortedTreeWalk.Entry> glob(String pattern) throws IOException {
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
            return Collections.emptyIterator();
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return Collections.emptyIterator();
        }
        Iterator<SortedTreeWalk.Entry> walk = walk(start);
        return new Iterator<>() {
            private SortedTreeWalk.Entry next;

            @Override
            public boolean hasNext() {
                while (next == null && walk.hasNext()) {
                    SortedTreeWalk.Entry entry = walk.next();
                    Path relative = Path.of(entry.name());
                    if (matcher.matches(relative) || topLevel.matches(relative)) {
                        next = entry;
                    }
                }
                return next != null;
            }

            @Override
            public SortedTreeWalk.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SortedTreeWalk.Entry entry = next;
                next = null;
                return entry;
            }
        };
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

    /**
     * The regular files and links of a tree (devices, FIFOs and sockets are not artifacts). With links followed, a
     * link to a regular file inside the base directory counts as that file; any other link is passed over.
     *
     * <p>This, {@link #glob} and {@link #stream} each filter with a look-ahead iterator of their own on purpose: one
     * shared generic filter made hashing 100,000 small files 4-5% slower (measured, 2026-12-06), because its single
     * call sites then see several filters and nested copies of itself, which the JIT compiles less well.
     */
    private Iterator<SortedTreeWalk.Entry> walk(Path start) {
        Iterator<SortedTreeWalk.Entry> walk = new SortedTreeWalk(start, base.nameOf(start));
        return new Iterator<>() {
            private SortedTreeWalk.Entry next;

            @Override
            public boolean hasNext() {
                while (next == null && walk.hasNext()) {
                    SortedTreeWalk.Entry entry = walk.next();
                    if (entry.kind() == SortedTreeWalk.Kind.SYMBOLIC_LINK && base.followsSymlinks()) {
                        next = followed(entry.name());
                    } else if (entry.kind() != SortedTreeWalk.Kind.OTHER) {
                        next = entry;
                    }
                }
                return next != null;
            }

            @Override
            public SortedTreeWalk.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SortedTreeWalk.Entry entry = next;
                next = null;
                return entry;
            }
        };
    }

    private SortedTreeWalk.Entry followed(String name) {
        try {
            base.resolveFile(name);
            return new SortedTreeWalk.Entry(name, SortedTreeWalk.Kind.REGULAR_FILE);
        } catch (IOException e) {
            // Links to directories, outside the base, or dangling are not hashed; they are reported as skipped.
            return new SortedTreeWalk.Entry(name, SortedTreeWalk.Kind.SYMBOLIC_LINK);
        }
    }

    /** Entries that can be looked ahead in, to tell before walking on whether a glob matches any file. */
    private static final class PeekingEntries implements Iterator<SortedTreeWalk.Entry> {
        private final Iterator<SortedTreeWalk.Entry> entries;
        private final Deque<SortedTreeWalk.Entry> lookedAt = new ArrayDeque<>();

        PeekingEntries(Iterator<SortedTreeWalk.Entry> entries) {
            this.entries = entries;
        }

        /** Walks on until the first regular file, keeping what it passed for the caller. */
        boolean anyRegularFile() {
            for (SortedTreeWalk.Entry entry : lookedAt) {
                if (entry.kind() == SortedTreeWalk.Kind.REGULAR_FILE) {
                    return true;
                }
            }
            while (entries.hasNext()) {
                SortedTreeWalk.Entry entry = entries.next();
                lookedAt.add(entry);
                if (entry.kind() == SortedTreeWalk.Kind.REGULAR_FILE) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean hasNext() {
            return !lookedAt.isEmpty() || entries.hasNext();
        }

        @Override
        public SortedTreeWalk.Entry next() {
            return lookedAt.isEmpty() ? entries.next() : lookedAt.poll();
        }
    }

    /** Several sorted sources as one sorted source without duplicates (a name two operands select comes once). */
    private static final class MergedEntries implements Iterator<SortedTreeWalk.Entry> {
        private record Head(SortedTreeWalk.Entry entry, Iterator<SortedTreeWalk.Entry> rest) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.entry().name().compareTo(b.entry().name()));
        private final List<Iterator<SortedTreeWalk.Entry>> notStarted;
        private String last;

        MergedEntries(List<Iterator<SortedTreeWalk.Entry>> sources) {
            this.notStarted = new ArrayList<>(sources);
        }

        @Override
        public boolean hasNext() {
            start();
            while (!heads.isEmpty() && heads.peek().entry().name().equals(last)) {
                advance(heads.poll());
            }
            return !heads.isEmpty();
        }

        @Override
        public SortedTreeWalk.Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Head head = heads.poll();
            advance(head);
            last = head.entry().name();
            return head.entry();
        }

        /** Takes the first entry of every source, on the first look at the merge. */
        private void start() {
            for (Iterator<SortedTreeWalk.Entry> source : notStarted) {
                if (source.hasNext()) {
                    heads.add(new Head(source.next(), source));
                }
            }
            notStarted.clear();
        }

        private void advance(Head head) {
            if (head.rest().hasNext()) {
                heads.add(new Head(head.rest().next(), head.rest()));
            }
        }
    }
}
