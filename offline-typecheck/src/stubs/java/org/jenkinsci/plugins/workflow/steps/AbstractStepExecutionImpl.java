// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/AbstractStepExecutionImpl.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.steps;

public abstract class AbstractStepExecutionImpl extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected AbstractStepExecutionImpl() {}

    protected AbstractStepExecutionImpl(StepContext context) {
        super(context);
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
