package io.jenkins.plugins.securepipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core is the Jenkins-free engine: it must run in the CLI, in tests and on any JVM. Everything Jenkins-specific
 * lives in the plugin module, which depends on core and never the other way round.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.securepipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    @ArchTest
    static final ArchRule CORE_DOES_NOT_USE_JENKINS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..")
            .because("core must stay usable without Jenkins (CLI, tests, other CI systems)");

    @ArchTest
    static final ArchRule CORE_DOES_NOT_USE_CLI_OR_PLUGIN = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jenkins.plugins.securepipeline.cli..", "io.jenkins.plugins.securepipeline.plugin..")
            .because("the dependency direction is cli -> core and plugin -> core, never back");
}
