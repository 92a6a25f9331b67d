package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The AWS SDK default chain on the controller: environment, profile, ECS task role or EC2 instance profile. */
public class DefaultChainIdentity extends ControllerIdentity {
    @DataBoundConstructor
    public DefaultChainIdentity() {}

    @Override
    public CredentialSource credentialSource(Run<?, ?> run) {
        return new CredentialSource.DefaultChain();
    }

    @Override
    public String describe() {
        return "the controller's AWS SDK default credential chain";
    }

    @Extension
    @Symbol("defaultChain")
    public static class DescriptorImpl extends Descriptor<ControllerIdentity> {
        @Override
        public String getDisplayName() {
            return "AWS SDK default chain (instance profile, ECS task role, environment)";
        }
    }
}
