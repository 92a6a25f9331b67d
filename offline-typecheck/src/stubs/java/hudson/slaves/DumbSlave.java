// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/slaves/DumbSlave.java.
// Holds only the members the plugin uses (the Slave/Node superclasses are left out). Never packaged or shipped.
package hudson.slaves;

public final class DumbSlave {
    private DumbSlave() {}

    /** Declared on Node, implemented by Slave. */
    public hudson.FilePath getWorkspaceFor(hudson.model.TopLevelItem item) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
