// Compile-only signature for offline type-checking; checked against spring-security-core org.springframework.security.core.Authentication (the version Jenkins 2.541.3 bundles).
// Holds only the members the plugin uses. Never packaged or shipped.
package org.springframework.security.core;

public interface Authentication {
    String getName();
}
