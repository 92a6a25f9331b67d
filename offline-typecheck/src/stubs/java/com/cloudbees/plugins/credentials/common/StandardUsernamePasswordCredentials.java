// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernamePasswordCredentials.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
