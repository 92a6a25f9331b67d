// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/init/TermMilestone.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.init;

public enum TermMilestone {
    STARTED,
    COMPLETED
}
