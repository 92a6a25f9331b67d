// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/PersistentAction.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

public interface PersistentAction extends Action {}
