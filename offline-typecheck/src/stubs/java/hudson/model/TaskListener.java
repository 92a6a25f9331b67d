// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/TaskListener.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

public interface TaskListener extends Serializable {
    PrintStream getLogger();

    TaskListener NULL = null;
}
