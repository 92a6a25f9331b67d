// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java.
// Holds only the members the plugin uses (Step is declared in JenkinsSessionFixture and extended here). Never packaged or shipped.
package org.jvnet.hudson.test.junit.jupiter;

import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsSessionExtension {
    public JenkinsSessionExtension() {}

    public interface Step {
        void run(JenkinsRule r) throws Throwable;
    }

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
