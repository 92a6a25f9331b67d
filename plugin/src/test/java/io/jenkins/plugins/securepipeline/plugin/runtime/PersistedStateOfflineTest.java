package io.jenkins.plugins.securepipeline.plugin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Describable;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.plugin.runtime.SerializedFields.Destination;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;

/**
 * What the plugin leaves in a build's saved state. Step executions, body callbacks and the context objects a block
 * hands to its body are written to program.dat at every checkpoint (no class filter, but everything must be
 * serializable, and only {@code Secret} is encrypted there); actions and the global configuration are written by XStream
 * to build.xml and the configuration file, and XStream applies Jenkins' class filter on reading and writing.
 */
class PersistedStateOfflineTest {

    @Test
    void everythingInProgramDatIsSerializableAndHoldsSecretsOnlyAsSecret() {
        List<Class<?>> inPipelineState = new ArrayList<>();
        for (Class<?> type : List.of(StepExecution.class, BodyExecutionCallback.class, EnvironmentExpander.class,
                FailureHandler.class)) {
            inPipelineState.addAll(PluginClasses.assignableTo(type));
        }
        // Context objects and what they reach: every serializable plugin class that is not an agent callable
        // (those only travel, they are never saved).
        PluginClasses.LOADED.stream()
                .filter(c -> Serializable.class.isAssignableFrom(c) && !FilePath.FileCallable.class.isAssignableFrom(c))
                .forEach(inPipelineState::add);
        assertThat(inPipelineState).as("step executions and contexts").hasSizeGreaterThan(8);

        List<String> problems = new ArrayList<>();
        for (Class<?> c : inPipelineState.stream().distinct().toList()) {
            if (!c.isInterface()) {
                problems.addAll(SerializedFields.problems(c, Destination.PROGRAM_DAT, PluginClasses.LOADED));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everythingXStreamSavesPassesTheClassFilter() {
        List<Class<?>> saved = new ArrayList<>();
        for (Class<?> type : List.of(Action.class, GlobalConfiguration.class, Describable.class)) {
            saved.addAll(PluginClasses.assignableTo(type));
        }
        assertThat(saved).as("actions, configuration and its parts").hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        for (Class<?> c : saved) {
            if (!Modifier.isAbstract(c.getModifiers())) {
                problems.addAll(SerializedFields.problems(c, Destination.CLASS_FILTER, PluginClasses.LOADED));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksFindPlainSecretsAndUnserializableFields() {
        assertThat(SerializedFields.problems(BadExecutionState.class, Destination.PROGRAM_DAT, PluginClasses.LOADED))
                .anyMatch(problem -> problem.contains("sessionToken") && problem.contains("Secret"))
                .anyMatch(problem -> problem.contains("registryPassword"))
                .anyMatch(problem -> problem.contains(Run.class.getName()) && problem.contains("transient"))
                .noneMatch(problem -> problem.contains("credentialsId"));
    }

    /** Shaped like a step execution that would break resume and leak a session. */
    @SuppressWarnings("unused")
    static final class BadExecutionState implements Serializable {
        private String sessionToken;
        private char[] registryPassword;
        private String credentialsId;
        private Run<?, ?> run;
    }
}
