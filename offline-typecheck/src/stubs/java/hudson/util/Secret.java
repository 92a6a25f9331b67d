// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/util/Secret.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {}

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
