package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.role.AccountPolicyRule;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import io.jenkins.plugins.securepipeline.window.DurationText;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One line of the administrator's account policy: which jobs (by full name glob) may assume roles in which
 * accounts or matching which role ARN patterns, for how long, with which external ID. Once any rule exists,
 * whatever no rule allows is refused before STS is called.
 */
public class AccountRule implements Describable<AccountRule> {
    private final String name;
    private final String jobPattern;
    private String accountIds;
    private String roleArnPatterns;
    private String maxDuration;
    private String externalId;

    @DataBoundConstructor
    public AccountRule(String name, String jobPattern) {
        this.name = trimToNull(name);
        this.jobPattern = trimToNull(jobPattern);
    }

    public String getName() {
        return name;
    }

    public String getJobPattern() {
        return jobPattern;
    }

    public String getAccountIds() {
        return accountIds;
    }

    /** Account IDs separated by commas or white space. */
    @DataBoundSetter
    public void setAccountIds(String accountIds) {
        this.accountIds = trimToNull(accountIds);
    }

    public String getRoleArnPatterns() {
        return roleArnPatterns;
    }

    /** One ARN glob per line, e.g. {@code arn:aws:iam::111122223333:role/deploy-*}. */
    @DataBoundSetter
    public void setRoleArnPatterns(String roleArnPatterns) {
        this.roleArnPatterns = trimToNull(roleArnPatterns);
    }

    public String getMaxDuration() {
        return maxDuration;
    }

    @DataBoundSetter
    public void setMaxDuration(String maxDuration) {
        this.maxDuration = trimToNull(maxDuration);
    }

    public String getExternalId() {
        return externalId;
    }

    /**
     * The external ID the target account's trust policy requires; a pipeline must pass the same one. AWS does not
     * treat external IDs as secrets (they guard against the confused deputy, not against reading).
     */
    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = trimToNull(externalId);
    }

    /** @throws InvalidRoleRequestException naming the field, for the form check and for the step alike */
    public AccountPolicyRule toPolicyRule() {
        Duration duration = null;
        if (maxDuration != null) {
            try {
                duration = DurationText.parse(maxDuration);
            } catch (IllegalArgumentException e) {
                throw new InvalidRoleRequestException("rule '" + name + "'.maxDuration", e.getMessage());
            }
        }
        return new AccountPolicyRule(name, jobPattern, split(accountIds, "[,\\s]+"), List.copyOf(split(roleArnPatterns, "\\R")),
                duration, externalId);
    }

    private static Set<String> split(String text, String separator) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("accountRule")
    public static class DescriptorImpl extends Descriptor<AccountRule> {
        @Override
        public String getDisplayName() {
            return "Account rule";
        }

        /** Validates the whole rule at once: its fields only make sense together. */
        @POST
        public FormValidation doCheckName(@QueryParameter String name, @QueryParameter String jobPattern,
                @QueryParameter String accountIds, @QueryParameter String roleArnPatterns,
                @QueryParameter String maxDuration, @QueryParameter String externalId) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            AccountRule rule = new AccountRule(name, jobPattern);
            rule.setAccountIds(accountIds);
            rule.setRoleArnPatterns(roleArnPatterns);
            rule.setMaxDuration(maxDuration);
            rule.setExternalId(externalId);
            try {
                rule.toPolicyRule();
                return FormValidation.ok();
            } catch (InvalidRoleRequestException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
