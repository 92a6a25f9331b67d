// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Cause.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public String getUserId() {
            throw new UnsupportedOperationException("compile-only signature");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("compile-only signature");
        }
    }
}
