// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/security/Permission.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.security;

import org.jvnet.localizer.Localizable;

public final class Permission {
    public Permission(PermissionGroup group, String name, Localizable description, Permission impliedBy,
            PermissionScope scope) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public Permission(PermissionGroup group, String name, Localizable description, Permission impliedBy) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
