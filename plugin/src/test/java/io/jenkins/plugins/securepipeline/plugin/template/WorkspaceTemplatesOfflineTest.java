package io.jenkins.plugins.securepipeline.plugin.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent side of scanTemplate's selection, run directly on a temporary directory (no Jenkins needed): what
 * the Ant patterns select, what is left out, and what comes back over the channel.
 */
class WorkspaceTemplatesOfflineTest {
    @TempDir
    Path dir;

    private Path write(String name, int bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        return file;
    }

    private WorkspaceTemplates.Selection select(String includes, String excludes, int maxFiles) throws IOException {
        return new WorkspaceTemplates.Select(includes, excludes, maxFiles).invoke(dir.toFile(), null);
    }

    private static List<String> names(WorkspaceTemplates.Selection selection) {
        return selection.files().stream().map(WorkspaceTemplates.Entry::name).toList();
    }

    @Test
    void onlyWhatTheScanWouldReadIsSelectedWithItsSize() throws IOException {
        write("infra/b.yaml", 20);
        write("infra/a/stack.json", 10);
        write("infra/README.md", 5);
        write("infra/.aws-sam/build/template.yaml", 5);
        write("infra/node_modules/x/package.json", 5);
        write("infra/.git/config.yml", 5);
        write("infra/skip.yaml", 5);
        WorkspaceTemplates.Selection selection = select("infra/**", "**/skip.yaml", 100);
        assertEquals(List.of("infra/a/stack.json", "infra/b.yaml"), names(selection));
        assertEquals(List.of(10L, 20L), selection.files().stream().map(WorkspaceTemplates.Entry::bytes).toList());
        assertEquals(2, selection.count());
        assertEquals(List.of(), selection.links());
    }

    @Test
    void guardRuleSelectionTakesOnlyRuleFiles() throws IOException {
        write("policy/s3.guard", 7);
        write("policy/org.ruleset", 3);
        write("policy/tests/s3_tests.yaml", 5);
        write("policy/README.md", 5);
        WorkspaceTemplates.Selection selection =
                new WorkspaceTemplates.Select("policy/**", null, 100, true).invoke(dir.toFile(), null);
        assertEquals(List.of("policy/org.ruleset", "policy/s3.guard"), names(selection));
        assertEquals(2, selection.count());
        assertEquals(List.of(), names(select("policy/**/*.guard", null, 100)), "a template scan never takes rule files");
    }

    @Test
    void commaSeparatedPatternsAsInJenkinsFileCopies() throws IOException {
        write("infra/site.yaml", 1);
        write("sam/template.yml", 1);
        write("other/x.yaml", 1);
        assertEquals(List.of("infra/site.yaml", "sam/template.yml"), names(select(" infra/*.yaml , sam/template.yml", null, 100)));
    }

    @Test
    void symbolicLinksAreListedNotFollowedAndNothingOutsideIsSelected(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.yaml"), "x: 1");
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("folder/inner.yaml"), "x: 1");
        write("infra/site.yaml", 1);
        Files.createSymbolicLink(dir.resolve("infra/leak.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(dir.resolve("infra/linked"), outside.resolve("folder"));
        WorkspaceTemplates.Selection selection = select("infra/**", null, 100);
        assertEquals(List.of("infra/site.yaml"), names(selection));
        assertEquals(List.of("infra/leak.yaml", "infra/linked"), selection.links());
        assertEquals(3, selection.count());
        assertEquals(List.of(), names(select("../" + outside.getFileName() + "/*.yaml", null, 100)));
        assertEquals(0, select(outside.resolve("secret.yaml").toString(), null, 100).count());
    }

    @Test
    void aboveTheFileLimitOnlyTheCountComesBack() throws IOException {
        for (int i = 0; i < 5; i++) {
            write("t" + i + ".yaml", 1);
        }
        WorkspaceTemplates.Selection selection = select("*.yaml", null, 4);
        assertEquals(5, selection.count());
        assertEquals(List.of(), selection.files());
        assertEquals(5, select("*.yaml", null, 5).files().size());
    }

    @Test
    void aMissingWorkspaceSelectsNothing() throws IOException {
        WorkspaceTemplates.Selection selection =
                new WorkspaceTemplates.Select("**", null, 10).invoke(dir.resolve("absent").toFile(), null);
        assertEquals(0, selection.count());
    }

    @Test
    void failuresComeBackAsAPlainIOExceptionWithoutCause() {
        // The step never passes null patterns; here they stand for any failure while selecting.
        IOException e = assertThrows(IOException.class, () -> new WorkspaceTemplates.Select(null, null, 10).invoke(dir.toFile(), null));
        assertEquals(IOException.class, e.getClass());
        assertNull(e.getCause());
        assertTrue(e.getMessage().startsWith("cannot select files 'null' in the workspace: "), e.getMessage());
    }

    @Test
    void theSelectionTravelsAsPlainJavaSerialization() throws Exception {
        write("a.yaml", 3);
        WorkspaceTemplates.Selection sent = select("*.yaml", null, 10);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sent);
        }
        Object received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = in.readObject();
        }
        WorkspaceTemplates.Selection selection = (WorkspaceTemplates.Selection) received;
        assertEquals(List.of("a.yaml"), names(selection));
        assertEquals(3, selection.files().get(0).bytes());
    }
}
