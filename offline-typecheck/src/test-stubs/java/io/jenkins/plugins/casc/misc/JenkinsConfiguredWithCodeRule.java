// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredWithCodeRule.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsConfiguredWithCodeRule extends JenkinsRule {}
