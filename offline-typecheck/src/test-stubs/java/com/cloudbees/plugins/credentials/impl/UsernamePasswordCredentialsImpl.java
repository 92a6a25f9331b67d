// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/impl/UsernamePasswordCredentialsImpl.java.
// Holds only the members the plugin uses (its BaseStandardCredentials superclass is left out). Never packaged or shipped.
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.util.Secret;

public class UsernamePasswordCredentialsImpl implements StandardUsernamePasswordCredentials {
    private static final long serialVersionUID = 1L;

    public UsernamePasswordCredentialsImpl(CredentialsScope scope, String id, String description, String username,
            String password) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public Secret getPassword() {
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
