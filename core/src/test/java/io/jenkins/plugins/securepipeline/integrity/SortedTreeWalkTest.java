package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedTreeWalkTest {
    @TempDir
    Path dir;

    private static List<String> names(SortedTreeWalk walk) {
        List<String> names = new ArrayList<>();
        walk.forEachRemaining(entry -> names.add(entry.name()));
        return names;
    }

    @Test
    void depthFirstGivesTheSortedOrderOfWholeNames() throws Exception {
        // Characters sorting just before and after '/' in names next to a directory of the same prefix.
        for (String name : List.of("a", "a.txt", "a-b", "a0", "a b", "b", "a.d/x", "a/x", "a/y/z", "a/y.txt", "a-/q", "ab/c")) {
            if (name.equals("a")) {
                continue;
            }
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
        Files.createDirectories(dir.resolve("empty/dir"));

        List<String> walked = names(new SortedTreeWalk(dir, ""));

        assertThat(walked).isEqualTo(new ArrayList<>(new TreeSet<>(walked)))
                .containsExactly("a b", "a-/q", "a-b", "a.d/x", "a.txt", "a/x", "a/y.txt", "a/y/z", "a0", "ab/c", "b");
    }

    @Test
    void aRandomTreeWalksInTheOrderOfSortingAllNames() throws Exception {
        Random random = new Random(7);
        String alphabet = "ab.-_/ ";
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(8); name.length() < length; ) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String normalized;
            try {
                normalized = ArtifactPath.normalize(name.toString().replace("..", "x"));
            } catch (IllegalArgumentException e) {
                continue;
            }
            Path file = dir.resolve(normalized);
            if (expected.stream().anyMatch(other -> other.startsWith(normalized + "/") || normalized.startsWith(other + "/"))
                    || Files.exists(file)) {
                continue;  // a name that is also a directory of another
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, normalized);
            expected.add(normalized);
        }
        assertThat(names(new SortedTreeWalk(dir, ""))).containsExactlyElementsOf(expected);
    }

    @Test
    void linksAndSpecialFilesAreEntriesOfTheirOwnKindAndNeverFollowed() throws Exception {
        Files.createDirectories(dir.resolve("real"));
        Files.writeString(dir.resolve("real/file"), "x");
        Files.createSymbolicLink(dir.resolve("linked-dir"), dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("linked-file"), dir.resolve("real/file"));
        List<SortedTreeWalk.Entry> entries = new ArrayList<>();
        new SortedTreeWalk(dir, "").forEachRemaining(entries::add);
        assertThat(entries).containsExactly(
                new SortedTreeWalk.Entry("linked-dir", SortedTreeWalk.Kind.SYMBOLIC_LINK),
                new SortedTreeWalk.Entry("linked-file", SortedTreeWalk.Kind.SYMBOLIC_LINK),
                new SortedTreeWalk.Entry("real/file", SortedTreeWalk.Kind.REGULAR_FILE));
        assertThat(names(new SortedTreeWalk(dir.resolve("real"), "real"))).containsExactly("real/file");
    }

    @Test
    void aDirectoryThatCannotBeListedEndsTheWalkInsteadOfShrinkingIt() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        Path gone = Files.createDirectories(dir.resolve("b"));
        SortedTreeWalk walk = new SortedTreeWalk(dir, "");
        assertThat(walk.next().name()).isEqualTo("a");
        // Listed as a directory, gone when the walk gets to it (as with a directory it may not read).
        Files.delete(gone);
        assertThatThrownBy(walk::hasNext).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
