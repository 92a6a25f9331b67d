package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securepipeline.window.DurationText;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code gateBlackoutWindow(calendar: 'prod-freeze', windows: '''...''', onClosed: 'wait', maxWait: '4h')}: holds
 * or fails a stage while a change freeze is on. The administrator's calendars that apply to the job are always
 * evaluated; a Jenkinsfile can add calendars and windows (narrow), never remove them (widen).
 */
public class GateBlackoutWindowStep extends Step {
    static final Duration MAX_WAIT_LIMIT = Duration.ofDays(14);

    private String calendar;
    private String windows;
    private String onClosed = "fail";
    private String maxWait = "4h";

    @DataBoundConstructor
    public GateBlackoutWindowStep() {}

    public String getCalendar() {
        return calendar;
    }

    /** Administrator calendar names, comma-separated. */
    @DataBoundSetter
    public void setCalendar(String calendar) {
        this.calendar = calendar == null || calendar.isBlank() ? null : calendar.trim();
    }

    public String getWindows() {
        return windows;
    }

    /** This pipeline's own windows, in the calendar YAML (a {@code windows:} list and an optional {@code timeZone:}). */
    @DataBoundSetter
    public void setWindows(String windows) {
        this.windows = windows == null || windows.isBlank() ? null : windows;
    }

    public String getOnClosed() {
        return onClosed;
    }

    @DataBoundSetter
    public void setOnClosed(String onClosed) {
        this.onClosed = onClosed;
    }

    public String getMaxWait() {
        return maxWait;
    }

    @DataBoundSetter
    public void setMaxWait(String maxWait) {
        this.maxWait = maxWait;
    }

    static Duration parseMaxWait(String text) {
        Duration duration;
        try {
            duration = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("maxWait: " + e.getMessage());
        }
        if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_WAIT_LIMIT) > 0) {
            throw new IllegalArgumentException("maxWait: must be more than 0 and at most 14d, got '" + text + "'");
        }
        return duration;
    }

    List<String> calendarNames() {
        return calendar == null ? List.of()
                : Arrays.stream(calendar.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Arguments are checked here rather than in the setters, so a mistake is one clear line, not a stack trace. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (!"wait".equals(onClosed) && !"fail".equals(onClosed)) {
            throw new AbortException("gateBlackoutWindow: onClosed: expected 'wait' or 'fail', got '" + onClosed + "'");
        }
        Duration wait;
        try {
            wait = parseMaxWait(maxWait);
        } catch (IllegalArgumentException e) {
            throw new AbortException("gateBlackoutWindow: " + e.getMessage());
        }
        if (calendar == null && windows == null && !FreezeCalendars.anyMandatory()) {
            throw new AbortException("gateBlackoutWindow: name a calendar (calendar: 'name') or give windows");
        }
        return new GateBlackoutWindowExecution(context, calendarNames(), windows, "wait".equals(onClosed), wait);
    }

    @Extension
    @Symbol("gateBlackoutWindow")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "gateBlackoutWindow";
        }

        @Override
        public String getDisplayName() {
            return "Hold or fail the stage during a change freeze";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillOnClosedItems() {
            Jenkins.get().checkPermission(Jenkins.READ);
            ListBoxModel items = new ListBoxModel();
            items.add("Fail the build", "fail");
            items.add("Wait (without an executor) until it opens, up to maxWait", "wait");
            return items;
        }

        @POST
        public FormValidation doCheckMaxWait(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            try {
                parseMaxWait(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckWindows(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            var member = FreezeCalendars.parseInline(value);
            return member.loadProblem() == null ? FormValidation.ok() : FormValidation.error(member.loadProblem());
        }
    }
}
