// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jvnet.hudson.test;

import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {}

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public class Grant {
        Grant(java.util.Set<Permission> permissions) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public GrantOn onRoot() {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public GrantOn onItems(hudson.model.Item... items) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public class GrantOn {
            GrantOn(String regexp) {
                throw new UnsupportedOperationException("compile-only signature");
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("compile-only signature");
            }

            public MockAuthorizationStrategy toAuthenticated() {
                throw new UnsupportedOperationException("compile-only signature");
            }
        }
    }
}
