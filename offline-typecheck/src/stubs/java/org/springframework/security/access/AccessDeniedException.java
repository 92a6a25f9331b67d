// Compile-only signature for offline type-checking; checked against spring-security-core (AccessDeniedException extends RuntimeException), the version Jenkins 2.541.3 bundles.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.springframework.security.access;

public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String msg) {
        super(msg);
    }
}
