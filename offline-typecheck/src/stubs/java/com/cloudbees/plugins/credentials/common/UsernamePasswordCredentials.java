// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
