// Compile-only signature for offline type-checking; checked against jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/CertificateCredentials.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import java.security.KeyStore;

public interface CertificateCredentials extends Credentials, PasswordCredentials {
    KeyStore getKeyStore();
}
