package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.rules.RuleTableMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails when docs/steps/scanTemplate.md does not show the current rule catalogue. To regenerate:
 * {@code ./mvnw -Poffline -pl core -am test -Dtest=TemplateRulesDocTest -Dsurefire.failIfNoSpecifiedTests=false -DregenerateDocs=true}
 */
class TemplateRulesDocTest {
    private static final Path DOC = Path.of("..", "docs", "steps", "scanTemplate.md");

    @Test
    void rulesTableInTheStepDocumentationIsCurrent() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(RuleTableMarkdown.START);
        int end = doc.indexOf(RuleTableMarkdown.END);
        assertThat(start).as("start marker in " + DOC).isNotNegative();
        assertThat(end).as("end marker in " + DOC).isGreaterThan(start);
        String current = doc.substring(start, end + RuleTableMarkdown.END.length() + 1);
        String expected = RuleTableMarkdown.render();
        if (Boolean.getBoolean("regenerateDocs") && !current.equals(expected)) {
            Files.writeString(DOC, doc.substring(0, start) + expected + doc.substring(end + RuleTableMarkdown.END.length() + 1),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("rules table in " + DOC + " is stale; regenerate it (see this test's Javadoc)")
                .isEqualTo(expected);
    }
}
