package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.model.Run;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.window.BlackoutCalendar;
import io.jenkins.plugins.securepipeline.window.CalendarImports;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.CalendarSet;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarState;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarStates;
import io.jenkins.plugins.securepipeline.window.IcsUrlFetcher;
import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.InvalidCalendarException;
import io.jenkins.plugins.securepipeline.window.SsmChangeCalendar;
import io.jenkins.plugins.securepipeline.window.WindowUnavailableException;
import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Assembles the calendars a decision is made on. Administrator calendars may import iCalendar URLs and read AWS
 * Change Calendars; a pipeline's own windows may not (a Jenkinsfile must not make the controller fetch URLs or
 * call AWS), so they are parsed with no imports at all.
 */
public final class FreezeCalendars {
    static final String PIPELINE_WINDOWS = "this pipeline's windows";

    private FreezeCalendars() {}

    /** The mandatory calendars for the job, the named ones, and the inline windows; never empty. */
    public static CalendarSet forGate(Run<?, ?> run, List<String> names, String inlineWindows, Instant at) {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        String job = run.getParent().getFullName();
        Set<String> wanted = new LinkedHashSet<>();
        for (FreezeCalendar calendar : config.getCalendars()) {
            if (calendar.appliesToJob(job)) {
                wanted.add(calendar.getName());
            }
        }
        wanted.addAll(names);
        List<CalendarSet.Member> members = new ArrayList<>();
        for (String name : wanted) {
            FreezeCalendar calendar = config.calendar(name);
            members.add(calendar == null
                    ? CalendarSet.Member.unreadable(name, "no freeze calendar named '" + name
                            + "' is configured (Manage Jenkins > System > AWS Secure Pipeline)", false)
                    : load(calendar, run, at));
        }
        if (inlineWindows != null && !inlineWindows.isBlank()) {
            members.add(parseInline(inlineWindows));
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("gateBlackoutWindow: name a calendar or give windows; no administrator "
                    + "calendar applies to job '" + job + "'");
        }
        return new CalendarSet(members);
    }

    /** Whether any administrator calendar applies to jobs by pattern (then a gate needs no arguments). */
    static boolean anyMandatory() {
        return SecurePipelineConfiguration.get().getCalendars().stream().anyMatch(c -> c.getAppliesTo() != null);
    }

    /** The calendars that freeze {@code accountId}, or null when none does. */
    public static CalendarSet forAccount(Run<?, ?> run, String accountId, Instant at) {
        List<CalendarSet.Member> members = new ArrayList<>();
        for (FreezeCalendar calendar : SecurePipelineConfiguration.get().getCalendars()) {
            if (calendar.frozenAccounts().contains(accountId)) {
                members.add(load(calendar, run, at));
            }
        }
        return members.isEmpty() ? null : new CalendarSet(members);
    }

    static CalendarSet.Member parseInline(String yaml) {
        try {
            BlackoutCalendar calendar = new CalendarLoader(ImportSources.none()).parse(yaml, PIPELINE_WINDOWS, null);
            return CalendarSet.Member.loaded(PIPELINE_WINDOWS, calendar, false);
        } catch (InvalidCalendarException e) {
            return CalendarSet.Member.unreadable(PIPELINE_WINDOWS, e.getMessage(), false);
        }
    }

    static CalendarSet.Member load(FreezeCalendar calendar, Run<?, ?> run, Instant at) {
        try {
            // iCalendar URLs are fetched through Jenkins' proxy, like every call the controller makes out.
            IcsUrlFetcher urls = new IcsUrlFetcher(Duration.ofSeconds(20), IcsCalendarImport.MAX_BYTES,
                    ControllerAws.proxySelector());
            ImportSources imports = CalendarImports.forDecisionsFrom(at, Duration.ZERO, urls,
                    new ChangeCalendarsViaSsm(calendar, run));
            return CalendarSet.Member.loaded(calendar.getName(), calendar.parse(imports), calendar.isFailOpen());
        } catch (InvalidCalendarException | IllegalStateException e) {
            return CalendarSet.Member.unreadable(calendar.getName(), e.getMessage(), calendar.isFailOpen());
        }
    }

    /**
     * Reads Change Calendar states with the controller's identity, through the calendar's role when it names one
     * (Change Calendars live in the accounts they protect). A client per question: gates ask rarely.
     */
    private record ChangeCalendarsViaSsm(FreezeCalendar calendar, Run<?, ?> run) implements ChangeCalendarStates {
        @Override
        public ChangeCalendarState stateAt(String nameOrArn, Instant at) {
            AwsCredentialsProvider credentials;
            AwsClients clients;
            try {
                clients = ControllerAws.clients(null);
                credentials = ControllerAws.forAdminConfiguredReader(calendar.getChangeCalendarRoleArn(), run,
                        "Change Calendar reader for freeze calendar '" + calendar.getName() + "'");
            } catch (RuntimeException e) {
                throw new WindowUnavailableException("cannot read AWS Change Calendar " + nameOrArn + ": " + e.getMessage());
            }
            try (SsmClient ssm = clients.ssm(credentials)) {
                return new SsmChangeCalendar(ssm).stateAt(nameOrArn, at);
            }
        }
    }
}
