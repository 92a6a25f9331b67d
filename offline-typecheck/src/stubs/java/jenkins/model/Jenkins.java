// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/jenkins/model/Jenkins.java (AccessControlled through AbstractCIBase/Node).
// Holds only the members the plugin uses. Never packaged or shipped.
package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins implements AccessControlled, hudson.model.ItemGroup<hudson.model.TopLevelItem> {
    public static final Permission ADMINISTER = null;
    public static final Permission READ = null;

    // The real constructors are protected Jenkins(File, jakarta.servlet.ServletContext[, PluginManager]) throws
    // ..., org.jvnet.hudson.reactor.ReactorException; the plugin never constructs or subclasses Jenkins, so they are
    // not modelled (task-reactor is not mirrored here) and this private one only keeps the stub from having a
    // public no-arg constructor upstream lacks.
    private Jenkins() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    // Real: public @Nullable String getRootUrl() throws IllegalStateException
    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static org.springframework.security.core.Authentication getAuthentication2() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void setSecurityRealm(hudson.security.SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void setAuthorizationStrategy(hudson.security.AuthorizationStrategy a) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public hudson.ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    /** Declared on Node, which Jenkins extends through AbstractCIBase. */
    public final hudson.model.Computer toComputer() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public hudson.FilePath getWorkspaceFor(hudson.model.TopLevelItem item) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public <T extends hudson.model.Item> T getItemByFullName(String fullName, Class<T> type)
            throws org.springframework.security.access.AccessDeniedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public java.io.File getRootDir() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
