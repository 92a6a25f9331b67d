// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/ProxyConfiguration.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

public final class ProxyConfiguration {
    public final String name;
    public final int port;
    /** Modelled only to carry upstream's restriction: RestrictedApiArchitectureTest fails any use of it. */
    @Restricted(NoExternalUse.class)
    public String noProxyHost;

    private ProxyConfiguration() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getUserName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getNoProxyHost() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
