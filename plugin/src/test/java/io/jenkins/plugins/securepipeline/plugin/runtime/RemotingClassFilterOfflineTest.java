package io.jenkins.plugins.securepipeline.plugin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.FilePath;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import io.jenkins.plugins.securepipeline.plugin.runtime.SerializedFields.Destination;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an agent sends back to the controller passes Jenkins' class filter (JEP-200): the result types of every
 * callable the plugin runs on an agent, and the exceptions that can come back instead. Runs without a Jenkins; under
 * JenkinsRule the real filter accepts core classes from target/classes, so only this check shows a real agent's answer.
 */
class RemotingClassFilterOfflineTest {

    @Test
    void everyAgentCallableReturnsOnlyClassesTheFilterAccepts() {
        List<Class<?>> callables = PluginClasses.assignableTo(FilePath.FileCallable.class);
        assertThat(callables).as("the plugin's agent callables").hasSizeGreaterThanOrEqualTo(5);
        List<String> problems = new ArrayList<>();
        for (Class<?> callable : callables) {
            if (java.lang.reflect.Modifier.isAbstract(callable.getModifiers())) {
                continue;
            }
            Type result = resultType(callable);
            SerializedFields.problems(result, Destination.CLASS_FILTER, PluginClasses.LOADED)
                    .forEach(problem -> problems.add(callable.getName() + " returns " + problem));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void exceptionsThatCanComeBackFromAnAgentCarryOnlyAcceptedFields() {
        // Throwables themselves pass the filter, but every object they hold is checked too.
        List<String> problems = new ArrayList<>();
        for (JavaClass thrown : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.securepipeline.integrity", "io.jenkins.plugins.securepipeline.image",
                        "io.jenkins.plugins.securepipeline.net", "io.jenkins.plugins.securepipeline.files",
                        "io.jenkins.plugins.securepipeline.plugin")) {
            Class<?> c = thrown.reflect();
            if (Throwable.class.isAssignableFrom(c)) {
                problems.addAll(SerializedFields.problems(c, Destination.CLASS_FILTER, PluginClasses.LOADED));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theModelRejectsWhatARealControllerRejects() throws NoSuchFieldException {
        // The result types the hashing callables had before: classes of the bundled core jar.
        assertThat(SerializedFields.problems(VerificationReport.class, Destination.CLASS_FILTER, PluginClasses.LOADED))
                .anyMatch(problem -> problem.contains("bundled core jar"));
        Type hashOutcomes = Holder.class.getDeclaredField("outcomes").getGenericType();
        assertThat(SerializedFields.problems(hashOutcomes, Destination.CLASS_FILTER, PluginClasses.LOADED))
                .anyMatch(problem -> problem.contains(HashOutcome.class.getName()));
        assertThat(JenkinsClassFilter.rejection(java.util.Optional.class)).contains("not on Jenkins' list");
        assertThat(JenkinsClassFilter.rejection(software.amazon.awssdk.regions.Region.class)).contains("third-party");
        assertThat(SerializedFields.problems(Holder.class, Destination.CLASS_FILTER, PluginClasses.LOADED))
                .anyMatch(problem -> problem.contains("declared as java.lang.Object"));
    }

    /** A plugin-package class shaped like a bad transfer type. */
    @SuppressWarnings("unused")
    static final class Holder implements java.io.Serializable {
        private ArrayList<HashOutcome> outcomes;
        private Object anything;
    }

    /** The T of the FileCallable&lt;T&gt; the class implements, through its superclasses. */
    static Type resultType(Class<?> callable) {
        for (Class<?> c = callable; c != null; c = c.getSuperclass()) {
            Type superclass = c.getGenericSuperclass();
            if (superclass instanceof ParameterizedType parameterized
                    && FilePath.FileCallable.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
                return parameterized.getActualTypeArguments()[0];
            }
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == FilePath.FileCallable.class) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        throw new AssertionError(callable + ": no FileCallable<T> found");
    }
}
