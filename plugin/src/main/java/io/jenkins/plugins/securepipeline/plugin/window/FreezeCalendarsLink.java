package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.Extension;
import hudson.model.ManagementLink;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.window.FreezeTimeline;
import io.jenkins.plugins.securepipeline.window.WindowUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;

/**
 * Manage Jenkins → Change freezes: the next 14 days of every freeze calendar. Reading it evaluates the calendars
 * (iCalendar URLs, Change Calendars), so only administrators see it.
 */
@Extension
@Symbol("awsSecurePipelineFreezes")
public class FreezeCalendarsLink extends ManagementLink {
    static final int DAYS = 14;

    @Override
    public String getIconFileName() {
        return "symbol-timer";
    }

    @Override
    public String getDisplayName() {
        return "Change freezes";
    }

    @Override
    public String getDescription() {
        return "The next 14 days of every AWS Secure Pipeline freeze calendar, as a timeline.";
    }

    @Override
    public String getUrlName() {
        return "aws-secure-pipeline-freezes";
    }

    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    public List<FreezeTimeline> getTimelines() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Instant now = Instant.now();
        List<FreezeTimeline> timelines = new ArrayList<>();
        for (FreezeCalendar calendar : SecurePipelineConfiguration.get().getCalendars()) {
            var member = FreezeCalendars.load(calendar, null, now);
            if (member.calendar() == null) {
                timelines.add(FreezeTimeline.unreadable(calendar.getName(), member.loadProblem()));
                continue;
            }
            try {
                timelines.add(FreezeTimeline.of(calendar.getName(), member.calendar(), now, DAYS));
            } catch (WindowUnavailableException | IllegalArgumentException e) {
                timelines.add(FreezeTimeline.unreadable(calendar.getName(), e.getMessage()));
            }
        }
        return timelines;
    }
}
