// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/jenkins/MasterToSlaveFileCallable.java.
// Holds only the members the plugin uses (through ControllerToAgentFileCallable, which adds the role check). Never packaged or shipped.
package jenkins;

import hudson.FilePath;

public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
    private static final long serialVersionUID = 1L;
}
