package io.jenkins.plugins.securepipeline.plugin.role;

import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securepipeline.plugin.CredentialItems;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * IAM Roles Anywhere: the controller proves itself with an X.509 certificate issued by the organisation's CA
 * (a certificate credential holding the key and chain) and gets a session for the profile's role. No AWS key
 * exists on the controller, and the private key never leaves it.
 */
public class RolesAnywhereIdentity extends ControllerIdentity {
    private final String certificateCredentialsId;
    private final String trustAnchorArn;
    private final String profileArn;
    private boolean sendRoleSessionName;

    @DataBoundConstructor
    public RolesAnywhereIdentity(String certificateCredentialsId, String trustAnchorArn, String profileArn) {
        this.certificateCredentialsId = certificateCredentialsId;
        this.trustAnchorArn = trustAnchorArn == null ? null : trustAnchorArn.trim();
        this.profileArn = profileArn == null ? null : profileArn.trim();
    }

    public String getCertificateCredentialsId() {
        return certificateCredentialsId;
    }

    public String getTrustAnchorArn() {
        return trustAnchorArn;
    }

    public String getProfileArn() {
        return profileArn;
    }

    public boolean isSendRoleSessionName() {
        return sendRoleSessionName;
    }

    /** Only for profiles with "accept role session name" enabled; the others refuse a session name. */
    @DataBoundSetter
    public void setSendRoleSessionName(boolean sendRoleSessionName) {
        this.sendRoleSessionName = sendRoleSessionName;
    }

    @Override
    public CredentialSource credentialSource(Run<?, ?> run) {
        StandardCertificateCredentials credential = CredentialLookup.adminCredential(certificateCredentialsId,
                StandardCertificateCredentials.class, run, "certificate credential");
        KeyStore keyStore = credential.getKeyStore();
        char[] password = credential.getPassword().getPlainText().toCharArray();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (!keyStore.isKeyEntry(alias)) {
                    continue;
                }
                Key key = keyStore.getKey(alias, password);
                Certificate[] chain = keyStore.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0
                        || !(chain[0] instanceof X509Certificate leaf)) {
                    continue;
                }
                List<X509Certificate> intermediates = new ArrayList<>();
                for (int i = 1; i < chain.length; i++) {
                    intermediates.add((X509Certificate) chain[i]);
                }
                return new CredentialSource.RolesAnywhere(leaf, intermediates, privateKey, trustAnchorArn, profileArn,
                        sendRoleSessionName);
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            // The exception text can describe key material; say only what kind of problem it is.
            throw new IllegalStateException("certificate credential '" + certificateCredentialsId
                    + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        throw new IllegalStateException("certificate credential '" + certificateCredentialsId
                + "' holds no private key with an X.509 certificate chain");
    }

    @Override
    public String describe() {
        return "IAM Roles Anywhere with certificate credential '" + certificateCredentialsId + "' and profile " + profileArn;
    }

    @Extension
    @Symbol("rolesAnywhere")
    public static class DescriptorImpl extends Descriptor<ControllerIdentity> {
        @Override
        public String getDisplayName() {
            return "IAM Roles Anywhere certificate";
        }

        @POST
        public ListBoxModel doFillCertificateCredentialsIdItems(@QueryParameter String certificateCredentialsId) {
            return CredentialItems.forAdministrators(StandardCertificateCredentials.class, certificateCredentialsId);
        }
    }
}
