package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowUpcomingTest {
    @Test
    void springForwardDayShowsTheMissingHourAsDashes() {
        BlackoutCalendar calendar = yaml("timeZone: Europe/Amsterdam\nwindows:\n  - {name: w, kind: deny, cron: \"30 2 * * *\", duration: 1h}\n");
        String timeline = UpcomingWindows.of(calendar, utc("2026-03-28T23:00:00Z"), Duration.ofDays(1)).timeline();
        // 02:00-03:00 does not exist; the window runs 03:00-04:00 CEST.
        assertThat(timeline).contains("Sun 2026-03-29  ....--##........................................\n")
                .contains("      03:00 - 04:00           deny  w\n");
        // The day of the change in a zone without one shows plain times.
        assertThat(timeline).doesNotContain("+02:00 -");
    }

    @Test
    void fallBackDayCountsTheRepeatedHourOnce() {
        BlackoutCalendar calendar = yaml("timeZone: Europe/Amsterdam\nwindows:\n  - {name: w, kind: deny, cron: \"30 2 * * *\", duration: 1h}\n");
        UpcomingWindows upcoming = UpcomingWindows.of(calendar, utc("2026-10-24T22:00:00Z"), Duration.ofDays(1));
        assertThat(upcoming.occurrences()).singleElement()
                .isEqualTo(new Occurrence("w", WindowKind.DENY, utc("2026-10-25T00:30:00Z"), utc("2026-10-25T01:30:00Z")));
        // The 02:30 cell runs from 02:30 CEST to 03:00 CET (90 minutes, the repeated hour folded in).
        assertThat(upcoming.timeline()).contains("Sun 2026-10-25  .....#" + ".".repeat(40) + "  \n")
                .contains("      02:30+02:00 - 02:30+01:00     deny  w\n");
    }

    @Test
    void emptyPeriodSaysSo() {
        BlackoutCalendar calendar = yaml("timeZone: UTC\nwindows: []\n");
        assertThat(UpcomingWindows.of(calendar, utc("2026-11-23T00:00:00Z"), Duration.ofDays(2)).timeline())
                .contains("no windows in this period");
    }

    @Test
    void periodIsBounded() {
        BlackoutCalendar calendar = yaml("timeZone: UTC\nwindows: []\n");
        assertThatThrownBy(() -> UpcomingWindows.of(calendar, utc("2026-11-23T00:00:00Z"), Duration.ofDays(401)))
                .hasMessageContaining("at most 400 days");
        assertThatThrownBy(() -> UpcomingWindows.of(calendar, utc("2026-11-23T00:00:00Z"), Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void tooManyOccurrencesAreRefusedNotTruncated() {
        BlackoutCalendar calendar = yaml("timeZone: UTC\nwindows:\n  - {name: w, kind: deny, cron: \"* * * * *\", duration: 1m}\n");
        assertThatThrownBy(() -> calendar.occurrences(utc("2026-01-01T00:00:00Z"), utc("2026-04-01T00:00:00Z")))
                .hasMessageContaining("more than 100000 window occurrences");
    }

    @Test
    void jsonListsOccurrencesAndClosedPeriodsWithOffsets() throws Exception {
        BlackoutCalendar calendar = yaml("""
                timeZone: America/New_York
                windows:
                  - {name: a, kind: deny, weekly: "Mon 09:00-10:00"}
                  - {name: b, kind: deny, weekly: "Mon 09:30-11:00"}
                """);
        UpcomingWindows upcoming = UpcomingWindows.of(calendar, utc("2026-11-23T00:00:00Z"), Duration.ofDays(7));
        WindowDecision decision = calendar.decide(utc("2026-11-23T00:00:00Z"));
        JsonNode json = new ObjectMapper().readTree(WindowDecisionJson.write(decision, upcoming, calendar.zone()));
        assertThat(json.get("at").asText()).isEqualTo("2026-11-22T19:00:00-05:00");
        assertThat(json.get("upcoming")).hasSize(2);
        assertThat(json.get("upcoming").get(1).get("start").asText()).isEqualTo("2026-11-23T09:30:00-05:00");
        assertThat(json.get("closedPeriods")).hasSize(1);
        assertThat(json.get("closedPeriods").get(0).get("start").asText()).isEqualTo("2026-11-23T09:00:00-05:00");
        assertThat(json.get("closedPeriods").get(0).get("end").asText()).isEqualTo("2026-11-23T11:00:00-05:00");
        assertThat(json.get("period").get("to").asText()).isEqualTo("2026-11-29T19:00:00-05:00");
    }

    @Test
    void closedUntilBeyondTheSearchHorizonIsUnknownNotWrong() {
        BlackoutCalendar calendar = yaml("timeZone: UTC\nwindows:\n  - {name: long, kind: deny, from: 2026-01-01T00:00, to: 2030-01-01T00:00}\n");
        WindowDecision decision = calendar.decide(utc("2026-06-01T00:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.closedUntil()).isNull();
        assertThat(WindowDecisionText.write(decision, calendar.zone())).contains("closed until: not within 732 days");
        assertThat(calendar.decide(utc("2029-06-01T00:00:00Z")).closedUntil()).isEqualTo(utc("2030-01-01T00:00:00Z"));
    }
}
