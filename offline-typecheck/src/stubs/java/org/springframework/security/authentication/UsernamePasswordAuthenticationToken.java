// Compile-only signature for offline type-checking; checked against spring-projects/spring-security tag 6.5.7
// core/src/main/java/org/springframework/security/authentication/UsernamePasswordAuthenticationToken.java (its
// superclass AbstractAuthenticationToken implements Authentication and defines getName). Holds only the members the
// plugin uses. Never packaged or shipped.
package org.springframework.security.authentication;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

public class UsernamePasswordAuthenticationToken implements Authentication {
    public UsernamePasswordAuthenticationToken(Object principal, Object credentials,
            Collection<? extends GrantedAuthority> authorities) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
