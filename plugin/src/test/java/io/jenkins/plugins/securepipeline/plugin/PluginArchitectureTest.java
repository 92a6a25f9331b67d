package io.jenkins.plugins.securepipeline.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.kohsuke.stapler.verb.POST;

/**
 * Form endpoints can be called by anyone who can reach Jenkins; the Jenkins security guidelines require POST
 * (against CSRF) and a permission check. The permission check itself is asserted per endpoint in its test.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.securepipeline.plugin", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule FORM_ENDPOINTS_ARE_POST = methods()
            .that().arePublic()
            .and().haveNameMatching("do(Check|Fill|Test).*")
            .should().beAnnotatedWith(POST.class)
            .allowEmptyShould(false)
            .because("stapler form endpoints must only answer POST (Jenkins security guidelines)");
}
