package io.jenkins.plugins.securepipeline.integrity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Hashing and checksum verification run on Jenkins agents inside a {@code MasterToSlaveFileCallable}, where only
 * the JDK can be relied on. Everything in package {@code integrity} itself (not its subpackages, which hold the JSON
 * manifest and signing) may therefore use nothing but {@code java.*}, its own package and core's JDK-only
 * {@code files} helper (held to the same rule by {@code AgentSideArchitectureTest}).
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.securepipeline.integrity", importOptions = ImportOption.DoNotIncludeTests.class)
class HashingPathArchitectureTest {
    @ArchTest
    static final ArchRule HASHING_PATH_IS_JDK_ONLY = classes()
            .that().resideInAPackage("io.jenkins.plugins.securepipeline.integrity")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.jenkins.plugins.securepipeline.integrity",
                    "io.jenkins.plugins.securepipeline.files")
            .because("the hashing path runs on Jenkins agents as JDK-only code (no Jackson, no AWS SDK, no other libraries)");

    @ArchTest
    static final ArchRule HASHING_PATH_DOES_NOT_REACH_INTO_MANIFEST_OR_SIGNING = classes()
            .that().resideInAPackage("io.jenkins.plugins.securepipeline.integrity")
            .should().onlyAccessClassesThat().resideOutsideOfPackages(
                    "io.jenkins.plugins.securepipeline.integrity.manifest..", "io.jenkins.plugins.securepipeline.signing..")
            .because("manifests and signatures are handled on the controller");
}
