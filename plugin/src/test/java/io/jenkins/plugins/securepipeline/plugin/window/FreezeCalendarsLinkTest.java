package io.jenkins.plugins.securepipeline.plugin.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.window.FreezeTimeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class FreezeCalendarsLinkTest {
    @Test
    void showsFourteenDaysPerCalendarAndTheProblemOfABrokenOne(JenkinsRule r) {
        SecurePipelineConfiguration.get().setCalendars(List.of(
                new FreezeCalendar("daily", "timeZone: UTC\nwindows:\n  - {name: peak, kind: deny, cron: \"0 9 * * *\", duration: 1h}\n"),
                new FreezeCalendar("broken", "timeZone: Mars/Olympus\nwindows: []\n")));
        List<FreezeTimeline> timelines = new FreezeCalendarsLink().getTimelines();
        assertEquals(2, timelines.size());
        assertNull(timelines.get(0).getProblem());
        assertEquals(FreezeCalendarsLink.DAYS, timelines.get(0).getDays().size());
        assertTrue(timelines.get(0).getDays().get(1).getWindows().get(0).startsWith("deny peak 09:00"));
        assertTrue(timelines.get(1).getProblem().contains("Mars/Olympus"), timelines.get(1).getProblem());
    }
}
