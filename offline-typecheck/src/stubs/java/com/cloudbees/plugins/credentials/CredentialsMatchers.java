// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {
    private CredentialsMatchers() {}

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
