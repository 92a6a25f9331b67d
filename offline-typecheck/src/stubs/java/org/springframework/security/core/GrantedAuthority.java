// Compile-only signature for offline type-checking; checked against spring-projects/spring-security tag 6.5.7
// core/src/main/java/org/springframework/security/core/GrantedAuthority.java. Never packaged or shipped.
package org.springframework.security.core;

import java.io.Serializable;

public interface GrantedAuthority extends Serializable {
    String getAuthority();
}
