// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Job.java.
// Holds only the members the plugin uses (Item, getFullName and AccessControlled come through AbstractItem, declared here directly). Never packaged or shipped.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements Item {
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    // Real: AbstractItem#getUrl(), public final
    public final String getUrl() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
