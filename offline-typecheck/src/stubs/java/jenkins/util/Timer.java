// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/jenkins/util/Timer.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    private Timer() {}

    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
