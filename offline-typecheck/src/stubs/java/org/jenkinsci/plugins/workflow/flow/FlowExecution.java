// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-api-plugin tag 1413.v2ff1a_5e720fa_ src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecution.java.
// Only named by FlowNode's constructor; the plugin uses none of its members (interfaces left out). Never packaged or shipped.
package org.jenkinsci.plugins.workflow.flow;

public abstract class FlowExecution {}
