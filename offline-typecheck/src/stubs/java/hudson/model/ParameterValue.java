// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3
// core/src/main/java/hudson/model/ParameterValue.java. Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import java.io.Serializable;

public abstract class ParameterValue implements Serializable {
    protected ParameterValue(String name) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public final String getName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public boolean isSensitive() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public Object getValue() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
