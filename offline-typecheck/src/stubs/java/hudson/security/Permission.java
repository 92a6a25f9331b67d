// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/security/Permission.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.security;

public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
