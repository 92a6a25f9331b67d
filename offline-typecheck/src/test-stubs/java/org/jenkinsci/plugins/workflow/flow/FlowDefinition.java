// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/flow/FlowDefinition.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.flow;

import hudson.model.AbstractDescribableImpl;

public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> {}
