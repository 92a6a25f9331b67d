// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/SystemCredentialsProvider.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials;

import java.io.IOException;
import java.util.List;

public class SystemCredentialsProvider {
    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
