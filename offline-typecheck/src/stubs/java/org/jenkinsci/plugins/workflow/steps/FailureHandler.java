// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-step-api-plugin (HEAD 0773c3c)
// src/main/java/org/jenkinsci/plugins/workflow/steps/FailureHandler.java. Upstream it is @Restricted(Beta.class):
// the plugin sets useBeta in its pom, as credentials-binding does. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

@FunctionalInterface
public interface FailureHandler extends Serializable {
    Throwable handle(StepContext ctx, Throwable t);

    static Throwable apply(StepContext ctx, Throwable t) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    static FailureHandler merge(FailureHandler original, FailureHandler subsequent) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
