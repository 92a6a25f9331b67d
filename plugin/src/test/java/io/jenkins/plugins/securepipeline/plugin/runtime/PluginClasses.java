package io.jenkins.plugins.securepipeline.plugin.runtime;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/** The plugin's main classes, imported once for the checks of this package. */
final class PluginClasses {
    static final JavaClasses IMPORTED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.securepipeline.plugin");
    static final List<Class<?>> LOADED = IMPORTED.stream().map(JavaClass::reflect).<Class<?>>map(c -> c).toList();

    private PluginClasses() {}

    /** The plugin classes assignable to {@code type}, the type itself excluded. */
    static List<Class<?>> assignableTo(Class<?> type) {
        return LOADED.stream().filter(c -> c != type && type.isAssignableFrom(c)).toList();
    }
}
