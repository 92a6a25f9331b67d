package io.jenkins.plugins.securepipeline.plugin.role;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds credentials by ID, in one of two deliberately different scopes.
 *
 * <p>{@link #adminCredential} is for IDs chosen by the administrator in the global settings (the controller's
 * own AWS identity, the OIDC token credential, the Roles Anywhere certificate). Those are always resolved at the
 * root as the system: resolving them in the build's context would let a folder-scoped credential with the same
 * ID, created by someone who controls that folder, replace the controller's identity for their builds.
 *
 * <p>{@link #find} is for IDs a pipeline names in its own step arguments (registry login, public key, signing
 * key): those are resolved in the build's context, so a build only sees what its job may see.
 *
 * <p>Both record the use on the build when there is one.
 */
public final class CredentialLookup {
    private CredentialLookup() {}

    /** A credential named in the administrator's settings; see the class comment for why it ignores folders. */
    public static <C extends IdCredentials> C adminCredential(String credentialsId, Class<C> type, Run<?, ?> run,
            String field) {
        requireId(credentialsId, field + ": no credential is selected in the AWS Secure Pipeline settings");
        C credential = CredentialsProvider.findCredentialByIdInItemGroup(credentialsId, type, Jenkins.get(),
                ACL.SYSTEM2, List.of());
        if (credential == null) {
            throw missing(field, type, credentialsId, "in the global credentials store");
        }
        if (run == null) {
            return credential;
        }
        // The same contextualisation the build-context lookup does, so an OIDC token credential still mints a
        // token that names this build.
        CredentialsProvider.track(run, credential);
        Credentials contextual = credential.forRun(run);
        return type.isInstance(contextual) ? type.cast(contextual) : credential;
    }

    /** A credential a pipeline names in its step arguments, resolved in the build's context. */
    public static <C extends IdCredentials> C find(String credentialsId, Class<C> type, Run<?, ?> run, String field) {
        requireId(credentialsId, field + ": no credential ID is given");
        C credential = run != null
                ? CredentialsProvider.findCredentialById(credentialsId, type, run)
                : CredentialsProvider.findCredentialByIdInItemGroup(credentialsId, type, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (credential == null) {
            throw missing(field, type, credentialsId, "to this build");
        }
        if (run != null) {
            CredentialsProvider.track(run, credential);
        }
        return credential;
    }

    private static void requireId(String credentialsId, String message) {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new IllegalStateException(message);
        }
    }

    private static IllegalStateException missing(String field, Class<?> type, String credentialsId, String where) {
        return new IllegalStateException(field + ": no " + type.getSimpleName() + " credential with ID '"
                + credentialsId + "' is visible " + where);
    }
}
