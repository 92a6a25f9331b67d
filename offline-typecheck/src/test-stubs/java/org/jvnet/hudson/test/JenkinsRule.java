// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/JenkinsRule.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jvnet.hudson.test;

import jenkins.model.Jenkins;

public class JenkinsRule {
    public Jenkins jenkins;

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static class DummySecurityRealm extends hudson.security.AbstractPasswordBasedSecurityRealm {}
}
