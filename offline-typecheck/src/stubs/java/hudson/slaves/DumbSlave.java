// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/slaves/DumbSlave.java.
// Holds only the members the plugin uses (the Slave/Node superclasses are left out). Never packaged or shipped.
package hudson.slaves;

public final class DumbSlave {
    private DumbSlave() {}
}
