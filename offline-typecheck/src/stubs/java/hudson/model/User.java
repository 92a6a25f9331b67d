// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/User.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import hudson.security.AccessControlled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

public class User implements AccessControlled {
    private User() {}

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
