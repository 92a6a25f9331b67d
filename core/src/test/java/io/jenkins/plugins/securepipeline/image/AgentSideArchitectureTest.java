package io.jenkins.plugins.securepipeline.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Reading image layouts and streaming blobs to the registry runs on Jenkins build agents inside a
 * {@code MasterToSlaveFileCallable}, where only JDK classes are certain to be there (and where bytes must not pass
 * through the controller). So the source readers and the registry client use nothing but {@code java.*}.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.securepipeline.image", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentSideArchitectureTest {
    @ArchTest
    static final ArchRule SOURCES_AND_REGISTRY_CLIENT_USE_ONLY_THE_JDK = classes()
            .that().resideInAnyPackage("io.jenkins.plugins.securepipeline.image",
                    "io.jenkins.plugins.securepipeline.image.registry")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                    "io.jenkins.plugins.securepipeline.image", "io.jenkins.plugins.securepipeline.image.registry")
            .because("they run on build agents, where only the JDK can be relied on");
}
