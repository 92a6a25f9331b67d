// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable {
    protected FlowNode(FlowExecution exec, String id, FlowNode... parents) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
