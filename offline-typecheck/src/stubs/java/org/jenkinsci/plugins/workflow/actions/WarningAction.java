// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
