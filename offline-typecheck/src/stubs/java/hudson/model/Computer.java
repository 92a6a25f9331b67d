// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Computer.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

public abstract class Computer extends Actionable {
    protected Computer(Node node) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public final int countBusy() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
