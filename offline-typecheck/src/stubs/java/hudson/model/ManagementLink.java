// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/ManagementLink.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.Permission;

public abstract class ManagementLink implements ExtensionPoint, Action {
    @Override
    public abstract String getIconFileName();

    public String getDescription() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public abstract String getUrlName();

    public Permission getRequiredPermission() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public Category getCategory() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public enum Category {
        CONFIGURATION,
        SECURITY,
        STATUS,
        TROUBLESHOOTING,
        TOOLS,
        MISC,
        UNCATEGORIZED
    }
}
