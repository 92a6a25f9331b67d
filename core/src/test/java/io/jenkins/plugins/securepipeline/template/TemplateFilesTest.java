package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFilesTest {

    @Test
    void relativeNamesFollowTheDirectoryScansRules() {
        assertThat(TemplateFiles.scansRelativeName("infra/site.yaml")).isTrue();
        assertThat(TemplateFiles.scansRelativeName("stack.TEMPLATE")).isTrue();
        assertThat(TemplateFiles.scansRelativeName(".hidden.json")).isTrue();
        assertThat(TemplateFiles.scansRelativeName("infra/README.md")).isFalse();
        assertThat(TemplateFiles.scansRelativeName(".github/workflows/ci.yml")).isFalse();
        assertThat(TemplateFiles.scansRelativeName("web/node_modules/pkg/package.json")).isFalse();
        assertThat(TemplateFiles.scansRelativeName("")).isFalse();
    }

    @Test
    void theDirectoryScanAgreesWithTheNameRule(@TempDir Path dir) throws Exception {
        for (String name : List.of("infra/site.yaml", "infra/README.md", ".github/ci.yml", "node_modules/p/package.json",
                "sam/template.yml")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x: 1\n");
        }
        List<String> found = TemplateFiles.expand(List.of(dir)).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(found).containsExactly("infra/site.yaml", "sam/template.yml");
        assertThat(found).allMatch(TemplateFiles::scansRelativeName);
    }
}
