// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/JenkinsRule.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jvnet.hudson.test;

import jenkins.model.Jenkins;

public class JenkinsRule {
    public Jenkins jenkins;

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <T extends hudson.model.TopLevelItem> T createProject(Class<T> type, String name) throws java.io.IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <T extends hudson.model.TopLevelItem> T createProject(Class<T> type) throws java.io.IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    public <R extends hudson.model.Run> R assertBuildStatus(hudson.model.Result status, R r) throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    public <R extends hudson.model.Run> R assertBuildStatus(hudson.model.Result status, java.util.concurrent.Future<? extends R> r)
            throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    public <R extends hudson.model.Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogContains(String substring, hudson.model.Run run) throws java.io.IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogNotContains(String substring, hudson.model.Run run) throws java.io.IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <R extends hudson.model.Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <R extends hudson.model.Run<?, ?>> R waitForMessage(String message, R r) throws java.io.IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public hudson.slaves.DumbSlave createOnlineSlave(hudson.model.Label l, hudson.EnvVars env) throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public hudson.slaves.DumbSlave createOnlineSlave(hudson.model.Label l) throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static class DummySecurityRealm extends hudson.security.AbstractPasswordBasedSecurityRealm {
        DummySecurityRealm() {}
    }
}
