// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Label.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

public abstract class Label extends Actionable {
    protected Label(String name) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static Label get(String l) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
