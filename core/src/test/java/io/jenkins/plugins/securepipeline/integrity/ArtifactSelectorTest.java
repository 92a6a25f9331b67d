package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSelectorTest {
    @TempDir
    Path dir;

    private Path base;
    private Path outside;

    @BeforeEach
    void layout() throws Exception {
        base = Files.createDirectories(dir.resolve("base"));
        outside = Files.writeString(dir.resolve("secret.txt"), "outside the base");
        Files.createDirectories(base.resolve("dist/lib"));
        Files.writeString(base.resolve("app.jar"), "app");
        Files.writeString(base.resolve("dist/tool.jar"), "tool");
        Files.writeString(base.resolve("dist/lib/dep.jar"), "dep");
        Files.writeString(base.resolve("dist/readme.txt"), "readme");
        Files.createSymbolicLink(base.resolve("dist/escape.jar"), outside);
        Files.createSymbolicLink(base.resolve("dist/inside.jar"), base.resolve("app.jar"));
    }

    private ArtifactSelector.Selection select(boolean follow, String... operands) throws Exception {
        return new ArtifactSelector(BaseDirectory.of(base, follow)).select(List.of(operands));
    }

    @Test
    void aDirectoryMeansEveryRegularFileInItsTreeAndLinksAreReportedNotFollowed() throws Exception {
        ArtifactSelector.Selection selection = select(false, "dist");
        assertThat(selection.files()).containsExactly("dist/lib/dep.jar", "dist/readme.txt", "dist/tool.jar");
        assertThat(selection.skippedSymlinks()).containsExactly("dist/escape.jar", "dist/inside.jar");
    }

    @Test
    void followingLinksNeverLeavesTheBaseDirectory() throws Exception {
        ArtifactSelector.Selection selection = select(true, "dist");
        assertThat(selection.files()).contains("dist/inside.jar").doesNotContain("dist/escape.jar");
        assertThat(selection.skippedSymlinks()).containsExactly("dist/escape.jar");
        assertThatThrownBy(() -> select(true, "dist/escape.jar"))
                .isInstanceOf(BaseDirectory.RefusedPathException.class)
                .hasMessageContaining("outside the base directory");
    }

    @Test
    void globsAreRelativeToTheBaseAndDoubleStarAlsoMatchesTheTopLevel() throws Exception {
        assertThat(select(false, "**/*.jar").files()).containsExactly("app.jar", "dist/lib/dep.jar", "dist/tool.jar");
        assertThat(select(false, "dist/*.jar").files()).containsExactly("dist/tool.jar");
        assertThat(select(false, "dist/*.jar").skippedSymlinks()).containsExactly("dist/escape.jar", "dist/inside.jar");
        assertThat(select(false, "*.jar", "dist/readme.txt").files()).containsExactly("app.jar", "dist/readme.txt");
    }

    @Test
    void aGlobThatMatchesNothingOrAMissingFileIsAnError() {
        assertThatThrownBy(() -> select(false, "**/*.war")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no file matches");
        assertThatThrownBy(() -> select(false, "dist/nope.jar")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void namesLeavingTheBaseAreRefused() throws Exception {
        assertThatThrownBy(() -> select(false, "../secret.txt")).hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> select(false, "dist/../../secret.txt")).hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> select(false, outside.toString())).hasMessageContaining("absolute path");
        assertThat(select(false, base.resolve("app.jar").toString()).files()).containsExactly("app.jar");
    }

    @Test
    void anExplicitSymbolicLinkIsRefusedUnlessFollowed() throws Exception {
        assertThatThrownBy(() -> select(false, "dist/inside.jar")).isInstanceOf(BaseDirectory.RefusedPathException.class)
                .hasMessageContaining("symbolic links are not followed");
        assertThat(select(true, "dist/inside.jar").files()).containsExactly("dist/inside.jar");
    }

    @Test
    void aSymbolicLinkedDirectoryInTheMiddleOfANameIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/x.jar"), "x");
        Files.createSymbolicLink(base.resolve("linked"), dir.resolve("elsewhere"));
        BaseDirectory strict = BaseDirectory.of(base);
        assertThatThrownBy(() -> strict.resolveFile("linked/x.jar")).hasMessageContaining("symbolic link");
        BaseDirectory following = BaseDirectory.of(base, true);
        assertThatThrownBy(() -> following.resolveFile("linked/x.jar")).hasMessageContaining("outside the base directory");
    }

    @Test
    void aGlobWhoseDirectoryPrefixIsALinkDoesNotWalkThroughIt() throws Exception {
        Files.createDirectories(dir.resolve("elsewhere/sub"));
        Files.writeString(dir.resolve("elsewhere/sub/x.jar"), "x");
        Files.createSymbolicLink(base.resolve("linked"), dir.resolve("elsewhere"));
        assertThatThrownBy(() -> select(false, "linked/sub/*.jar")).isInstanceOf(BaseDirectory.RefusedPathException.class);
        assertThatThrownBy(() -> select(true, "linked/sub/*.jar")).hasMessageContaining("outside the base directory");
    }

    @Test
    void anExistingNameWithGlobCharactersIsTakenLiterally() throws Exception {
        Files.writeString(base.resolve("app[1].jar"), "literal");
        Files.writeString(base.resolve("app1.jar"), "matched by the pattern");
        assertThat(select(false, "app[1].jar").files()).containsExactly("app[1].jar");
        assertThat(select(false, "app[0-9].jar").files()).containsExactly("app1.jar");
    }

    @Test
    void dotMeansTheWholeBaseDirectory() throws Exception {
        assertThat(select(false, ".").files()).containsExactly(
                "app.jar", "dist/lib/dep.jar", "dist/readme.txt", "dist/tool.jar");
        assertThat(select(false, base.toString()).files()).hasSize(4);
    }

    @Test
    void everyEntryListsLinksAndFilesForExactSetChecks() throws Exception {
        assertThat(new ArtifactSelector(BaseDirectory.of(base)).everyEntry()).containsExactly(
                "app.jar", "dist/escape.jar", "dist/inside.jar", "dist/lib/dep.jar", "dist/readme.txt", "dist/tool.jar");
    }

    @Test
    void overlappingOperandsGiveEachNameOnceInSortedOrder() throws Exception {
        ArtifactSelector.Selection selection = select(false, "dist", "dist/*.jar", "app.jar", "**/*.jar", "dist/readme.txt");
        assertThat(selection.files()).containsExactly("app.jar", "dist/lib/dep.jar", "dist/readme.txt", "dist/tool.jar");
        assertThat(selection.skippedSymlinks()).containsExactly("dist/escape.jar", "dist/inside.jar");
        // A glob is an error only when it matches no file at all, not when another operand selected its files first.
        assertThat(select(false, "app.jar", "*.jar").files()).containsExactly("app.jar");
    }

    @Test
    void theStreamGivesWhatSelectCollectsAndChecksOperandsBeforeTheFirstName() throws Exception {
        ArtifactSelector selector = new ArtifactSelector(BaseDirectory.of(base));
        List<String> skipped = new java.util.ArrayList<>();
        List<String> streamed = new java.util.ArrayList<>();
        selector.stream(List.of("dist", "*.jar"), skipped::add).forEachRemaining(streamed::add);
        ArtifactSelector.Selection selected = selector.select(List.of("dist", "*.jar"));
        assertThat(streamed).isEqualTo(selected.files());
        assertThat(skipped).isEqualTo(selected.skippedSymlinks());
        assertThatThrownBy(() -> selector.stream(List.of("dist", "**/*.war"), skipped::add))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no file matches");
        assertThatThrownBy(() -> selector.stream(List.of("dist", "nope"), skipped::add)).isInstanceOf(NoSuchFileException.class);
    }
}
