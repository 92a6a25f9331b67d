// Compile-only signature for offline type-checking; checked against jenkinsci/plain-credentials-plugin src/main/java/org/jenkinsci/plugins/plaincredentials/impl/StringCredentialsImpl.java.
// Holds only the members the plugin uses (its BaseStandardCredentials superclass is left out). Never packaged or shipped.
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

public final class StringCredentialsImpl implements StringCredentials {
    private static final long serialVersionUID = 1L;

    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public Secret getSecret() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
