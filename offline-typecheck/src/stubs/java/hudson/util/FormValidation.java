// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/util/FormValidation.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
