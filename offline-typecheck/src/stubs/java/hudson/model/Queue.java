// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Queue.java.
// Holds only the members the plugin uses (only the nested Executable and Task interfaces). Never packaged or shipped.
package hudson.model;

public class Queue {
    private Queue() {}

    public interface Executable extends Runnable {}

    /** Real super-interfaces (FullyNamedModelObject, SubTask) left out: the plugin only tests for the type. */
    public interface Task {}
}
