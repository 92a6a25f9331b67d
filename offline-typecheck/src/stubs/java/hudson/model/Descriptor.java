// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Descriptor.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public boolean configure(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            super(message);
        }
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @SuppressWarnings("rawtypes")
    protected static Class self() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
