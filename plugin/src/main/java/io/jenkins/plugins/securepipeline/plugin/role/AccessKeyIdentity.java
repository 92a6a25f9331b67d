package io.jenkins.plugins.securepipeline.plugin.role;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securepipeline.plugin.CredentialItems;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * An AWS access key stored as an aws-credentials credential. Discouraged: it is a long-lived key on premises, the
 * thing this plugin exists to remove; offered for migrations and labelled so in the form.
 */
public class AccessKeyIdentity extends ControllerIdentity {
    private final String credentialsId;

    @DataBoundConstructor
    public AccessKeyIdentity(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public CredentialSource credentialSource(Run<?, ?> run) {
        AmazonWebServicesCredentials credential =
                CredentialLookup.adminCredential(credentialsId, AmazonWebServicesCredentials.class, run, "AWS credential");
        AwsCredentials keys = credential.resolveCredentials();
        String sessionToken = keys instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return new CredentialSource.StaticKeys(keys.accessKeyId(), keys.secretAccessKey(), sessionToken);
    }

    @Override
    public String describe() {
        return "the access key in AWS credential '" + credentialsId + "'";
    }

    @Extension
    @Symbol("accessKey")
    public static class DescriptorImpl extends Descriptor<ControllerIdentity> {
        @Override
        public String getDisplayName() {
            return "AWS access key credential (discouraged: a long-lived key)";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return CredentialItems.forAdministrators(AmazonWebServicesCredentials.class, credentialsId);
        }
    }
}
