// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/security/PermissionScope.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.security;

public final class PermissionScope {
    private PermissionScope() {}

    public static final PermissionScope JENKINS = null;
    public static final PermissionScope ITEM_GROUP = null;
    public static final PermissionScope ITEM = null;
    public static final PermissionScope RUN = null;
}
