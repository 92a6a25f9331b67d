// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/EnvVars.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {}

    public EnvVars(String... keyValuePairs) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
