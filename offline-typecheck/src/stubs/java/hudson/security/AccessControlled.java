// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/security/AccessControlled.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public interface AccessControlled {
    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    default boolean hasPermission2(Authentication a, Permission permission) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
