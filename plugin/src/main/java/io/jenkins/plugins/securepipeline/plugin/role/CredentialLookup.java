package io.jenkins.plugins.securepipeline.plugin.role;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds a credential named in the administrator's settings: in the build's context when there is a build (so
 * the OIDC provider credential mints a token naming that build, and the use is tracked on it), otherwise at the
 * root as the system (the connection test).
 */
public final class CredentialLookup {
    private CredentialLookup() {}

    public static <C extends IdCredentials> C find(String credentialsId, Class<C> type, Run<?, ?> run, String field) {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new IllegalStateException(field + ": no credential is selected in the AWS Secure Pipeline settings");
        }
        C credential = run != null
                ? CredentialsProvider.findCredentialById(credentialsId, type, run)
                : CredentialsProvider.findCredentialByIdInItemGroup(credentialsId, type, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (credential == null) {
            throw new IllegalStateException(field + ": no " + type.getSimpleName() + " credential with ID '"
                    + credentialsId + "' is visible here");
        }
        if (run != null) {
            CredentialsProvider.track(run, credential);
        }
        return credential;
    }
}
