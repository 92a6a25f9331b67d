package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule ships a template it must flag (fail.yaml) and a fixed one it must accept (pass.yaml). */
class TemplateRuleTemplatesTest {
    static Stream<String> ruleIds() {
        return RuleCatalogue.all().stream().map(r -> r.info().id());
    }

    static Path ruleDirectory(String id) throws URISyntaxException {
        URL url = TemplateRuleTemplatesTest.class.getResource("rules/" + id);
        assertThat(url).as("test templates for " + id).isNotNull();
        return Path.of(url.toURI());
    }

    static List<Finding> scan(Path file) throws Exception {
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(result.templates()).hasSize(1);
        assertThat(result.templates().get(0).error()).isNull();
        return result.templates().get(0).findings();
    }

    @ParameterizedTest(name = "{0} flags fail.yaml")
    @MethodSource("ruleIds")
    void ruleFlagsItsFailingTemplate(String id) throws Exception {
        List<Finding> findings = scan(ruleDirectory(id).resolve("fail.yaml"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals(id) && !f.suppressed())
                .as(id + " on fail.yaml").isNotEmpty()
                .allSatisfy(f -> assertThat(f.line()).isPositive());
    }

    @ParameterizedTest(name = "{0} accepts pass.yaml")
    @MethodSource("ruleIds")
    void ruleAcceptsItsPassingTemplate(String id) throws Exception {
        List<Finding> findings = scan(ruleDirectory(id).resolve("pass.yaml"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals(id)).as(id + " on pass.yaml").isEmpty();
    }

    /**
     * Further cases next to pass.yaml and fail.yaml, one per cause fixed (fail-ipv6-spelling.yaml,
     * pass-loopback-egress.yaml): every fail-*.yaml must be flagged by its rule, every pass-*.yaml not.
     */
    static Stream<Arguments> extraTemplates() throws Exception {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (TemplateRule rule : RuleCatalogue.all()) {
            String id = rule.info().id();
            try (Stream<Path> files = Files.list(ruleDirectory(id))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.matches("(pass|fail)-.+\\.(yaml|json)")).sorted()
                        .forEach(n -> cases.add(Arguments.of(id, n)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("extraTemplates")
    void ruleJudgesItsExtraTemplates(String id, String name) throws Exception {
        List<Finding> findings = scan(ruleDirectory(id).resolve(name));
        if (name.startsWith("fail-")) {
            assertThat(findings).filteredOn(f -> f.ruleId().equals(id) && !f.suppressed()).as(id + " on " + name)
                    .isNotEmpty().allSatisfy(f -> assertThat(f.line()).isPositive());
        } else {
            assertThat(findings).filteredOn(f -> f.ruleId().equals(id)).as(id + " on " + name).isEmpty();
        }
    }

    @Test
    void ruleIdsAreUniqueAndEveryRuleIsComplete() throws Exception {
        Set<String> ids = new HashSet<>();
        for (TemplateRule rule : RuleCatalogue.all()) {
            assertThat(ids.add(rule.info().id())).as("duplicate " + rule.info().id()).isTrue();
            assertThat(rule.info().title()).isNotBlank();
            assertThat(rule.info().remediation()).isNotBlank();
            assertThat(rule.info().resourceTypes()).isNotEmpty();
            assertThat(Files.isRegularFile(ruleDirectory(rule.info().id()).resolve("fail.yaml"))).isTrue();
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(60);
    }
}
