package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowDecisionTest {
    private static final String MORNING_PEAK = """
            timeZone: UTC
            windows:
              - name: morning-peak
                kind: deny
                cron: "0 9 * * 1-5"
                duration: 1h
            """;

    @Test
    void emptyCalendarIsOpenWithNothingAhead() {
        WindowDecision decision = yaml("timeZone: UTC\nwindows: []\n").decide(utc("2026-11-23T09:30:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.closedUntil()).isNull();
        assertThat(decision.nextClosure()).isNull();
    }

    @Test
    void activeDenyClosesUntilItsEnd() {
        WindowDecision decision = yaml(MORNING_PEAK).decide(utc("2026-11-23T09:30:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.window()).isEqualTo("morning-peak");
            assertThat(reason.kind()).isEqualTo("deny");
            assertThat(reason.start()).isEqualTo(utc("2026-11-23T09:00:00Z"));
            assertThat(reason.end()).isEqualTo(utc("2026-11-23T10:00:00Z"));
        });
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-23T10:00:00Z"));
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-11-24T09:00:00Z"));
    }

    @Test
    void startIsInsideEndIsOutside() {
        BlackoutCalendar calendar = yaml(MORNING_PEAK);
        assertThat(calendar.decide(utc("2026-11-23T09:00:00Z")).state()).isEqualTo(GateState.CLOSED);
        assertThat(calendar.decide(utc("2026-11-23T10:00:00Z")).state()).isEqualTo(GateState.OPEN);
        assertThat(calendar.decide(utc("2026-11-23T08:59:59Z")).nextClosure()).isEqualTo(utc("2026-11-23T09:00:00Z"));
    }

    @Test
    void fridayPeakIsFollowedByMondays() {
        WindowDecision decision = yaml(MORNING_PEAK).decide(utc("2026-11-27T12:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-11-30T09:00:00Z"));
    }

    @Test
    void backToBackAndOverlappingDeniesChainIntoOneClosure() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: a, kind: deny, cron: "0 9 * * *", duration: 1h}
                  - {name: b, kind: deny, cron: "0 10 * * *", duration: 90m}
                  - {name: c, kind: deny, cron: "0 11 * * *", duration: 2h}
                  - {name: d, kind: deny, cron: "0 14 * * *", duration: 1h}
                """);
        WindowDecision decision = calendar.decide(utc("2026-11-23T09:15:00Z"));
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-23T13:00:00Z"));
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-11-23T14:00:00Z"));
        WindowDecision overlapping = calendar.decide(utc("2026-11-23T11:10:00Z"));
        assertThat(overlapping.reasons()).extracting(WindowReason::window).containsExactly("b", "c");
    }

    @Test
    void outsideAllAllowWindowsIsClosedUntilTheNextOne() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: office, kind: allow, weekly: "Mon-Fri 09:00-17:00"}
                """);
        WindowDecision saturday = calendar.decide(utc("2026-11-28T12:00:00Z"));
        assertThat(saturday.state()).isEqualTo(GateState.CLOSED);
        assertThat(saturday.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo("allow");
            assertThat(reason.message()).isEqualTo("outside every allow window");
        });
        assertThat(saturday.closedUntil()).isEqualTo(utc("2026-11-30T09:00:00Z"));
        assertThat(saturday.nextClosure()).isEqualTo(utc("2026-11-30T17:00:00Z"));
        WindowDecision monday = calendar.decide(utc("2026-11-30T10:00:00Z"));
        assertThat(monday.state()).isEqualTo(GateState.OPEN);
        assertThat(monday.reasons()).extracting(WindowReason::window).containsExactly("office");
        assertThat(monday.nextClosure()).isEqualTo(utc("2026-11-30T17:00:00Z"));
    }

    @Test
    void denyBeatsAllowAndClosedUntilSkipsAllowGaps() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: office, kind: allow, weekly: "Mon-Fri 09:00-17:00"}
                  - {name: late-shift, kind: allow, weekly: "Mon-Fri 18:00-20:00"}
                  - {name: release-freeze, kind: deny, from: 2026-11-30T08:00, to: 2026-11-30T18:30}
                """);
        WindowDecision decision = calendar.decide(utc("2026-11-30T10:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).extracting(WindowReason::window).containsExactly("release-freeze");
        // 17:00-18:00 is outside every allow window, 18:00-18:30 still frozen: open at 18:30.
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-30T18:30:00Z"));
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-11-30T20:00:00Z"));
    }

    @Test
    void adjacentAllowWindowsStayOpenAcrossTheSeam() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: morning, kind: allow, weekly: "Mon 08:00-12:00"}
                  - {name: afternoon, kind: allow, weekly: "Mon 12:00-16:00"}
                """);
        WindowDecision decision = calendar.decide(utc("2026-11-30T11:00:00Z"));
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-11-30T16:00:00Z"));
    }

    @Test
    void weeklyWindowCrossesMidnight() {
        BlackoutCalendar calendar = yaml("""
                timeZone: Asia/Kolkata
                windows:
                  - {name: batch, kind: deny, weekly: "Fri 22:00-02:00"}
                """);
        // Saturday 01:00 IST = Friday 19:30 UTC
        WindowDecision decision = calendar.decide(utc("2026-11-27T19:30:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons().get(0).start()).isEqualTo(utc("2026-11-27T16:30:00Z"));
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-27T20:30:00Z"));
    }

    @Test
    void weeklyDaysWrapAroundTheWeekAndMidnightIsTwentyFour() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: long-weekend, kind: deny, weekly: "Fri-Mon 00:00-24:00"}
                """);
        assertThat(calendar.decide(utc("2026-11-27T00:00:00Z")).closedUntil()).isEqualTo(utc("2026-12-01T00:00:00Z")); // Fri to Tue
        assertThat(calendar.decide(utc("2026-11-25T12:00:00Z")).state()).isEqualTo(GateState.OPEN); // Wednesday
        assertThat(calendar.decide(utc("2026-11-25T12:00:00Z")).nextClosure()).isEqualTo(utc("2026-11-27T00:00:00Z"));
    }

    @Test
    void cronWindowCrossesMidnightAndIsStillActiveAfterIt() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: nightly, kind: deny, cron: "0 23 * * *", duration: 3h}
                """);
        WindowDecision decision = calendar.decide(utc("2026-11-24T01:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-24T02:00:00Z"));
    }

    @Test
    void allowWindowsThatNeverComeAgainLeaveItClosedWithNoKnownOpening() {
        BlackoutCalendar calendar = yaml("""
                timeZone: UTC
                windows:
                  - {name: last-chance, kind: allow, from: 2026-01-01T00:00, to: 2026-01-02T00:00}
                """);
        WindowDecision decision = calendar.decide(utc("2026-11-23T00:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.closedUntil()).isNull();
        assertThat(decision.nextClosure()).isNull();
    }

    @Test
    void occurrencesAndClosedPeriodsOverAPeriod() {
        BlackoutCalendar calendar = yaml(MORNING_PEAK + """
                  - {name: overlap, kind: deny, cron: "30 9 * * 1", duration: 1h}
                """);
        List<Occurrence> occurrences = calendar.occurrences(utc("2026-11-23T09:30:00Z"), utc("2026-11-25T00:00:00Z"));
        assertThat(occurrences).extracting(Occurrence::window).containsExactly("morning-peak", "overlap", "morning-peak");
        assertThat(calendar.closedPeriods(utc("2026-11-23T09:30:00Z"), utc("2026-11-25T00:00:00Z"))).containsExactly(
                new TimeSpan(utc("2026-11-23T09:30:00Z"), utc("2026-11-23T10:30:00Z")),
                new TimeSpan(utc("2026-11-24T09:00:00Z"), utc("2026-11-24T10:00:00Z")));
    }
}
