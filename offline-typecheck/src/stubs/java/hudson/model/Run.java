// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Run.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import java.io.File;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    public static final hudson.security.PermissionGroup PERMISSIONS = null;

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    // Real: public @NonNull String getUrl()
    public String getUrl() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
