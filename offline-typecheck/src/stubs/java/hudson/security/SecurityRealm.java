// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/security/SecurityRealm.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.security;

import org.springframework.security.core.GrantedAuthority;

public abstract class SecurityRealm {
    public static final GrantedAuthority AUTHENTICATED_AUTHORITY2 = null;
}
