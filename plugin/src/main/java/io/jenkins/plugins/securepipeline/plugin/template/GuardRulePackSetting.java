package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.role.GlobPattern;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.guard.pack.GuardRulePack;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A CloudFormation Guard rule pack kept by the administrator: a folder on the controller or one rule file at an
 * https URL (core {@link GuardRulePack}). Every {@code scanTemplate} of a job matching {@link #getAppliesTo()} runs
 * it, whatever the Jenkinsfile says; other pipelines may name it ({@code rulePacks: 'NAME'}). Its failures get the
 * pack's severity, which a Jenkinsfile cannot lower.
 */
public class GuardRulePackSetting implements Describable<GuardRulePackSetting> {
    private final String name;
    private final String location;
    private String appliesTo;
    private String severity;

    @DataBoundConstructor
    public GuardRulePackSetting(String name, String location) {
        this.name = name == null ? null : name.trim();
        this.location = location == null ? null : location.trim();
    }

    public String getName() {
        return name;
    }

    public String getLocation() {
        return location;
    }

    public String getAppliesTo() {
        return appliesTo;
    }

    /** Job full-name globs, one per line, whose scans always run this pack; empty = only when a pipeline names it. */
    @DataBoundSetter
    public void setAppliesTo(String appliesTo) {
        this.appliesTo = blankToNull(appliesTo);
    }

    public String getSeverity() {
        return severity;
    }

    /** low, medium, high or critical; blank is high (a failing rule of the pack blocks at the default threshold). */
    @DataBoundSetter
    public void setSeverity(String severity) {
        this.severity = blankToNull(severity);
    }

    public boolean appliesToJob(String jobFullName) {
        return GlobPattern.anyLineMatchesJob(appliesTo, jobFullName);
    }

    /** @throws IllegalArgumentException naming the pack and the field at fault */
    public GuardRulePack pack() {
        return GuardRulePack.of(name, location);
    }

    /** @throws IllegalArgumentException naming the pack and the value at fault */
    public Severity severityOfFindings() {
        if (severity == null) {
            return Severity.HIGH;
        }
        try {
            return Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Guard rule pack '" + name + "': severity: " + e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("guardRulePack")
    public static class DescriptorImpl extends Descriptor<GuardRulePackSetting> {
        @Override
        public String getDisplayName() {
            return "Guard rule pack";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                GuardRulePack.of(value == null ? null : value.trim(), "/");
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Checks the form of the location only: nothing is fetched or listed when the form is saved, so the form
         * cannot be used to make the controller call out or probe its own files.
         */
        @POST
        public FormValidation doCheckLocation(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                GuardRulePack.of("pack", value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage().replace("rule pack 'pack': ", ""));
            }
        }

        @POST
        public FormValidation doCheckSeverity(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (BlockingThreshold.isBlank(value)) {
                return FormValidation.ok("Blank: high.");
            }
            try {
                Severity.parse(value.trim());
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckAppliesTo(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Only pipelines that name this pack run it.");
            }
            return FormValidation.ok();
        }
    }
}
