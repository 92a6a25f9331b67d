// Compile-only signature for offline type-checking; checked against spring-security-core UsernameNotFoundException (extends AuthenticationException extends RuntimeException).
// Holds only the members the plugin uses (the AuthenticationException level is left out). Never packaged or shipped.
package org.springframework.security.core.userdetails;

public class UsernameNotFoundException extends RuntimeException {
    public UsernameNotFoundException(String msg) {
        super(msg);
    }
}
