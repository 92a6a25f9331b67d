package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.role.AwsPurpose;
import io.jenkins.plugins.securepipeline.role.ControllerIdentityPolicyRule;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import java.util.EnumSet;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One administrator grant of the controller's own AWS identity to steps outside any {@code assumeCrossAccountRole}
 * block: which jobs (full-name glob) may use it, and for what (ECR, KMS). Without such a rule those steps are refused.
 */
public class ControllerIdentityRule implements Describable<ControllerIdentityRule> {
    private final String name;
    private final String jobPattern;
    private boolean ecr;
    private boolean kms;

    @DataBoundConstructor
    public ControllerIdentityRule(String name, String jobPattern) {
        this.name = trimToNull(name);
        this.jobPattern = trimToNull(jobPattern);
    }

    public String getName() {
        return name;
    }

    public String getJobPattern() {
        return jobPattern;
    }

    public boolean isEcr() {
        return ecr;
    }

    /** Registry tokens and repository checks for pushing, promoting and verifying images. */
    @DataBoundSetter
    public void setEcr(boolean ecr) {
        this.ecr = ecr;
    }

    public boolean isKms() {
        return kms;
    }

    /** Signing with KMS keys and reading their public halves. */
    @DataBoundSetter
    public void setKms(boolean kms) {
        this.kms = kms;
    }

    /** @throws InvalidRoleRequestException naming the field, for the form check and for the steps alike */
    public ControllerIdentityPolicyRule toPolicyRule() {
        Set<AwsPurpose> purposes = EnumSet.noneOf(AwsPurpose.class);
        if (ecr) {
            purposes.add(AwsPurpose.ECR);
        }
        if (kms) {
            purposes.add(AwsPurpose.KMS);
        }
        return new ControllerIdentityPolicyRule(name, jobPattern, purposes);
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("controllerIdentityRule")
    public static class DescriptorImpl extends Descriptor<ControllerIdentityRule> {
        @Override
        public String getDisplayName() {
            return "Controller identity rule";
        }

        /** Validates the whole rule at once: a rule without a purpose grants nothing and is refused. */
        @POST
        public FormValidation doCheckName(@QueryParameter String name, @QueryParameter String jobPattern,
                @QueryParameter boolean ecr, @QueryParameter boolean kms) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ControllerIdentityRule rule = new ControllerIdentityRule(name, jobPattern);
            rule.setEcr(ecr);
            rule.setKms(kms);
            try {
                rule.toPolicyRule();
                return FormValidation.ok();
            } catch (InvalidRoleRequestException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
