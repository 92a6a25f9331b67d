// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/ConfiguratorRegistry.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc;

public interface ConfiguratorRegistry {
    static ConfiguratorRegistry get() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
