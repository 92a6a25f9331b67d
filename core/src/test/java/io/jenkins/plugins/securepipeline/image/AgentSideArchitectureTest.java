package io.jenkins.plugins.securepipeline.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Reading image layouts and streaming blobs to the registry runs on Jenkins build agents inside a
 * {@code MasterToSlaveFileCallable}, where only JDK classes are certain to be there (and where bytes must not pass
 * through the controller). So the source readers and the registry client use nothing but {@code java.*} and the
 * JDK's {@code javax.net.ssl}, and the helpers they share with the rest of core ({@code net}, {@code files}) hold to
 * the same rule.
 */
@AnalyzeClasses(packages = {"io.jenkins.plugins.securepipeline.image", "io.jenkins.plugins.securepipeline.net",
        "io.jenkins.plugins.securepipeline.role.endpoint", "io.jenkins.plugins.securepipeline.files"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AgentSideArchitectureTest {
    @ArchTest
    static final ArchRule SOURCES_AND_REGISTRY_CLIENT_USE_ONLY_THE_JDK = classes()
            .that().resideInAnyPackage("io.jenkins.plugins.securepipeline.image",
                    "io.jenkins.plugins.securepipeline.image.registry", "io.jenkins.plugins.securepipeline.net",
                    "io.jenkins.plugins.securepipeline.files")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..",
                    "io.jenkins.plugins.securepipeline.image", "io.jenkins.plugins.securepipeline.image.registry",
                    "io.jenkins.plugins.securepipeline.net", "io.jenkins.plugins.securepipeline.files")
            .because("they run on build agents, where only the JDK can be relied on");

    /** The credential endpoint of assumeCrossAccountRole runs in the agent's JVM, with the JDK's own HTTP server. */
    @ArchTest
    static final ArchRule CREDENTIAL_ENDPOINT_USES_ONLY_THE_JDK = classes()
            .that().resideInAPackage("io.jenkins.plugins.securepipeline.role.endpoint")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.sun.net.httpserver..",
                    "io.jenkins.plugins.securepipeline.role.endpoint")
            .because("it runs on build agents, where only the JDK can be relied on");
}
