package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securepipeline.plugin.CredentialItems;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An OIDC ID token exchanged with {@code AssumeRoleWithWebIdentity}: no AWS key exists on the controller. The
 * token comes from a secret-text credential; with the OIDC Provider plugin's "OpenID Connect id token" credential
 * each build gets a freshly signed token whose subject names the job, so the trust policy can tell jobs apart.
 * Any secret-text credential works (the plugin is not required), which also keeps this plugin free of an optional
 * dependency.
 */
public class WebIdentityIdentity extends ControllerIdentity {
    private final String tokenCredentialsId;

    @DataBoundConstructor
    public WebIdentityIdentity(String tokenCredentialsId) {
        this.tokenCredentialsId = tokenCredentialsId;
    }

    public String getTokenCredentialsId() {
        return tokenCredentialsId;
    }

    @Override
    public CredentialSource credentialSource(Run<?, ?> run) {
        // Minted when the engine asks (also on renewal), in this build's context.
        return CredentialSource.WebIdentity.fromSupplier(() -> CredentialLookup
                .adminCredential(tokenCredentialsId, StringCredentials.class, run, "OIDC token credential")
                .getSecret().getPlainText());
    }

    @Override
    public String describe() {
        return "an OIDC token from credential '" + tokenCredentialsId + "' (AssumeRoleWithWebIdentity)";
    }

    @Extension
    @Symbol("webIdentity")
    public static class DescriptorImpl extends Descriptor<ControllerIdentity> {
        @Override
        public String getDisplayName() {
            return "OpenID Connect token from Jenkins (AssumeRoleWithWebIdentity)";
        }

        @POST
        public ListBoxModel doFillTokenCredentialsIdItems(@QueryParameter String tokenCredentialsId) {
            return CredentialItems.forAdministrators(StringCredentials.class, tokenCredentialsId);
        }
    }
}
