package io.jenkins.plugins.securepipeline.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Form endpoints can be called by anyone who can reach Jenkins; the Jenkins security guidelines require POST
 * (against CSRF) and a permission check. The permission check itself is asserted per endpoint in its test.
 *
 * <p>Uses ArchUnit's plain API rather than its JUnit engine, so the test runs on whatever JUnit Platform the
 * Jenkins plugin parent POM brings.
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.securepipeline.plugin");

    @Test
    void formEndpointsArePost() {
        methods().that().arePublic()
                .and().haveNameMatching("do(Check|Fill|Test|Override).*")
                .should().beAnnotatedWith(POST.class)
                .allowEmptyShould(false)
                .because("stapler form endpoints must only answer POST (Jenkins security guidelines)")
                .check(PLUGIN_CLASSES);
    }
}
