// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface UsernameCredentials extends Credentials {
    String getUsername();
}
