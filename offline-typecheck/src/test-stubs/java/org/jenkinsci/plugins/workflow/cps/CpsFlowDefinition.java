// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-cps-plugin plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsFlowDefinition.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public class CpsFlowDefinition extends FlowDefinition {
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
