// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/AbortException.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException() {}

    public AbortException(String message) {
        super(message);
    }
}
