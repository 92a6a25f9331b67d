// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/ConfigurationContext.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc;

public class ConfigurationContext {
    public ConfigurationContext(ConfiguratorRegistry registry) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
