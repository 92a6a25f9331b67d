package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.role.GlobPattern;
import io.jenkins.plugins.securepipeline.window.BlackoutCalendar;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.InvalidCalendarException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named change-freeze calendar kept by the administrator, in the calendar YAML of the window engine (windows,
 * iCalendar imports, AWS Change Calendars). Pipelines name it in {@code gateBlackoutWindow(calendar: ...)};
 * it is also mandatory for the jobs matching {@link #getAppliesTo()} and freezes the accounts in
 * {@link #getAccountIds()}: a Jenkinsfile cannot opt out of either.
 */
public class FreezeCalendar implements Describable<FreezeCalendar> {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String name;
    private final String yaml;
    private String appliesTo;
    private String accountIds;
    private String changeCalendarRoleArn;
    private boolean failOpen;

    @DataBoundConstructor
    public FreezeCalendar(String name, String yaml) {
        this.name = name == null ? null : name.trim();
        this.yaml = yaml;
    }

    public String getName() {
        return name;
    }

    public String getYaml() {
        return yaml;
    }

    public String getAppliesTo() {
        return appliesTo;
    }

    /** Job full-name globs, one per line, for which this calendar is always evaluated; empty = only when named. */
    @DataBoundSetter
    public void setAppliesTo(String appliesTo) {
        this.appliesTo = blankToNull(appliesTo);
    }

    public String getAccountIds() {
        return accountIds;
    }

    /** AWS accounts that no role may be assumed into while this calendar is closed. */
    @DataBoundSetter
    public void setAccountIds(String accountIds) {
        this.accountIds = blankToNull(accountIds);
    }

    public String getChangeCalendarRoleArn() {
        return changeCalendarRoleArn;
    }

    /** The role assumed to read AWS Change Calendars referenced by this calendar (they live in the target account). */
    @DataBoundSetter
    public void setChangeCalendarRoleArn(String changeCalendarRoleArn) {
        this.changeCalendarRoleArn = blankToNull(changeCalendarRoleArn);
    }

    public boolean isFailOpen() {
        return failOpen;
    }

    /** Off by default: a calendar that cannot be read closes the gate. */
    @DataBoundSetter
    public void setFailOpen(boolean failOpen) {
        this.failOpen = failOpen;
    }

    public boolean appliesToJob(String jobFullName) {
        return GlobPattern.anyLineMatchesJob(appliesTo, jobFullName);
    }

    public Set<String> frozenAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        if (accountIds != null) {
            Arrays.stream(accountIds.split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(accounts::add);
        }
        return accounts;
    }

    /** Parses the YAML with the imports the caller allows; throws {@link InvalidCalendarException} with the reason. */
    public BlackoutCalendar parse(ImportSources imports) {
        return new CalendarLoader(imports).parse(yaml == null ? "" : yaml, "freeze calendar '" + name + "'", null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("freezeCalendar")
    public static class DescriptorImpl extends Descriptor<FreezeCalendar> {
        @Override
        public String getDisplayName() {
            return "Freeze calendar";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || !NAME.matcher(value.trim()).matches()) {
                return FormValidation.error("Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            return FormValidation.ok();
        }

        /**
         * Checks the windows without fetching anything: iCalendar URLs and Change Calendars are only reached when
         * a gate decides, so saving the form cannot be used to make the controller call out.
         */
        @POST
        public FormValidation doCheckYaml(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                new CalendarLoader(new ImportsCheckedLater()).parse(value == null ? "" : value, "this calendar", null);
                return FormValidation.ok();
            } catch (InvalidCalendarException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckAppliesTo(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Only pipelines that name this calendar use it.");
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckAccountIds(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            for (String account : value.trim().split("[,\\s]+")) {
                if (!account.matches("\\d{12}")) {
                    return FormValidation.error("'" + account + "' is not a 12-digit AWS account ID");
                }
            }
            return FormValidation.ok();
        }
    }
}
