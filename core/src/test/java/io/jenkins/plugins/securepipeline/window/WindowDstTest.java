package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DST rules, zone by zone, on the 2026 transition days. Expected instants are worked out by hand from the
 * zones' published offsets, not by calling the code under test.
 */
class WindowDstTest {
    private static List<Occurrence> day(String zone, String schedule, String dayStartUtc, String dayEndUtc) {
        BlackoutCalendar calendar = yaml("timeZone: " + zone + "\nwindows:\n  - {name: w, kind: deny, " + schedule + "}\n");
        return calendar.occurrences(utc(dayStartUtc), utc(dayEndUtc));
    }

    private static Occurrence span(String start, String end) {
        return new Occurrence("w", WindowKind.DENY, utc(start), utc(end));
    }

    // Europe/Amsterdam: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z).

    @Test
    void amsterdamStartInSpringGapShiftsToTheEndOfTheGap() {
        assertThat(day("Europe/Amsterdam", "cron: \"30 2 * * *\", duration: 1h", "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z"))
                .containsExactly(
                        span("2026-03-28T01:30:00Z", "2026-03-28T02:30:00Z"), // 02:30 CET
                        span("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"), // 02:30 does not exist: 03:00 CEST
                        span("2026-03-30T00:30:00Z", "2026-03-30T01:30:00Z")); // 02:30 CEST on the 30th
    }

    @Test
    void amsterdamStartInFallOverlapHappensOnceAtTheFirstOccurrenceForItsFullDuration() {
        List<Occurrence> occurrences = day("Europe/Amsterdam", "cron: \"30 2 * * *\", duration: 1h",
                "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z");
        assertThat(occurrences).containsExactly(span("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")); // 02:30 CEST
        BlackoutCalendar calendar = yaml("timeZone: Europe/Amsterdam\nwindows:\n  - {name: w, kind: deny, cron: \"30 2 * * *\", duration: 1h}\n");
        // The second 02:45 (CET, 01:45Z) is after the window: open.
        assertThat(calendar.decide(utc("2026-10-25T01:45:00Z")).state()).isEqualTo(GateState.OPEN);
        assertThat(calendar.decide(utc("2026-10-25T01:15:00Z")).closedUntil()).isEqualTo(utc("2026-10-25T01:30:00Z"));
    }

    @Test
    void amsterdamDurationIsElapsedTimeAcrossTheTransition() {
        // 01:00 CET + 3h elapsed = 00:00Z..03:00Z, which is 05:00 CEST on the wall clock.
        assertThat(day("Europe/Amsterdam", "cron: \"0 1 29 3 *\", duration: 3h", "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"))
                .containsExactly(span("2026-03-29T00:00:00Z", "2026-03-29T03:00:00Z"));
        assertThat(day("Europe/Amsterdam", "cron: \"0 1 25 10 *\", duration: 3h", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"))
                .containsExactly(span("2026-10-24T23:00:00Z", "2026-10-25T02:00:00Z"));
    }

    @Test
    void amsterdamWeeklyRangeEndsAtItsWallClockEnd() {
        // Sat 22:00 CET (21:00Z) to Sun 06:00 CEST (04:00Z): 7 hours that night.
        assertThat(day("Europe/Amsterdam", "weekly: \"Sat 22:00-06:00\"", "2026-03-28T00:00:00Z", "2026-03-29T12:00:00Z"))
                .containsExactly(span("2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z"));
        // Autumn: Sat 22:00 CEST (20:00Z) to Sun 06:00 CET (05:00Z): 9 hours.
        assertThat(day("Europe/Amsterdam", "weekly: \"Sat 22:00-06:00\"", "2026-10-24T00:00:00Z", "2026-10-25T12:00:00Z"))
                .containsExactly(span("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"));
    }

    @Test
    void amsterdamOneOffStartingInTheGap() {
        assertThat(day("Europe/Amsterdam", "from: 2026-03-29T02:15, to: 2026-03-29T04:00", "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"))
                .containsExactly(span("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
    }

    // America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z).

    @Test
    void newYorkStartInSpringGapStillApplies() {
        // The case a cron library skips silently: a 02:30 deny on the DST day must still close the gate.
        assertThat(day("America/New_York", "cron: \"30 2 * * *\", duration: 1h", "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"))
                .containsExactly(span("2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"));
        BlackoutCalendar calendar = yaml("timeZone: America/New_York\nwindows:\n  - {name: w, kind: deny, cron: \"30 2 * * *\", duration: 1h}\n");
        assertThat(calendar.decide(utc("2026-03-08T07:30:00Z")).state()).isEqualTo(GateState.CLOSED);
    }

    @Test
    void newYorkSeveralStartsInsideOneGapCollapseIntoOne() {
        assertThat(day("America/New_York", "cron: \"0,30 2 * * *\", duration: 20m", "2026-03-08T05:00:00Z", "2026-03-08T12:00:00Z"))
                .containsExactly(span("2026-03-08T07:00:00Z", "2026-03-08T07:20:00Z"));
    }

    @Test
    void newYorkStartInFallOverlapTakesTheEdtOccurrence() {
        assertThat(day("America/New_York", "cron: \"30 1 * * *\", duration: 1h", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly(span("2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"));
    }

    @Test
    void newYorkWeeklyEndInTheOverlapWaitsForTheSecondOccurrence() {
        // Sat 23:00 EDT (03:00Z) to Sun 01:30; 01:30 happens twice, the window ends at the second (EST, 06:30Z).
        assertThat(day("America/New_York", "weekly: \"Sat 23:00-01:30\"", "2026-10-31T12:00:00Z", "2026-11-01T12:00:00Z"))
                .containsExactly(span("2026-11-01T03:00:00Z", "2026-11-01T06:30:00Z"));
    }

    @Test
    void newYorkWeeklyRangeWhollyInsideTheGapDoesNotHappen() {
        // 02:10-02:40 never exists on 2026-03-08; no empty or negative span is produced.
        assertThat(day("America/New_York", "weekly: \"Sun 02:10-02:40\"", "2026-03-07T00:00:00Z", "2026-03-16T00:00:00Z"))
                .containsExactly(span("2026-03-15T06:10:00Z", "2026-03-15T06:40:00Z"));
    }

    // Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST (2026-04-04T16:00Z); 2026-10-04 02:00 AEST -> 03:00 AEDT
    // (2026-10-03T16:00Z). Southern hemisphere: spring is in October.

    @Test
    void sydneyStartInOctoberGapShifts() {
        assertThat(day("Australia/Sydney", "cron: \"30 2 * * *\", duration: 1h", "2026-10-03T12:00:00Z", "2026-10-04T12:00:00Z"))
                .containsExactly(span("2026-10-03T16:00:00Z", "2026-10-03T17:00:00Z"));
    }

    @Test
    void sydneyStartInAprilOverlapTakesTheAedtOccurrence() {
        assertThat(day("Australia/Sydney", "cron: \"30 2 * * *\", duration: 1h", "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"))
                .containsExactly(span("2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z"));
    }

    @Test
    void sydneyWeekdayMorningMovesWithTheOffset() {
        // 09:00 AEDT (UTC+11) on Fri 3 April, 09:00 AEST (UTC+10) on Mon 6 April.
        assertThat(day("Australia/Sydney", "cron: \"0 9 * * 1-5\", duration: 1h", "2026-04-02T12:00:00Z", "2026-04-06T12:00:00Z"))
                .containsExactly(span("2026-04-02T22:00:00Z", "2026-04-02T23:00:00Z"),
                        span("2026-04-05T23:00:00Z", "2026-04-06T00:00:00Z"));
    }

    // Asia/Kolkata: UTC+05:30 all year.

    @Test
    void kolkataHalfHourOffsetAndNoDst() {
        assertThat(day("Asia/Kolkata", "cron: \"0 9 * * *\", duration: 1h", "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"))
                .containsExactly(span("2026-03-08T03:30:00Z", "2026-03-08T04:30:00Z"));
        // 02:30 IST is 21:00Z the day before; Europe's transition that night changes nothing here.
        assertThat(day("Asia/Kolkata", "cron: \"30 2 * * *\", duration: 1h", "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z"))
                .containsExactly(span("2026-10-24T21:00:00Z", "2026-10-24T22:00:00Z"));
    }

    @Test
    void windowsInDifferentZonesInOneCalendar() {
        BlackoutCalendar calendar = yaml("""
                timeZone: Europe/Amsterdam
                windows:
                  - {name: ams, kind: deny, cron: "0 9 * * *", duration: 1h}
                  - {name: nyc, kind: deny, cron: "0 9 * * *", duration: 1h, timeZone: America/New_York}
                  - {name: kol, kind: deny, cron: "0 9 * * *", duration: 1h, timeZone: Asia/Kolkata}
                """);
        // Between the US and EU spring changes (2026-03-10) New York is UTC-4 while Amsterdam is still UTC+1.
        assertThat(calendar.occurrences(utc("2026-03-10T00:00:00Z"), utc("2026-03-11T00:00:00Z")))
                .extracting(Occurrence::window, Occurrence::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kol", utc("2026-03-10T03:30:00Z")),
                        org.assertj.core.groups.Tuple.tuple("ams", utc("2026-03-10T08:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("nyc", utc("2026-03-10T13:00:00Z")));
    }

    @Test
    void wallClockResolutionRules() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Instant gap = WallClock.start(LocalDateTime.parse("2026-03-29T02:30"), amsterdam);
        assertThat(gap).isEqualTo(utc("2026-03-29T01:00:00Z"));
        assertThat(WallClock.end(LocalDateTime.parse("2026-03-29T02:30"), amsterdam)).isEqualTo(gap);
        assertThat(WallClock.start(LocalDateTime.parse("2026-10-25T02:30"), amsterdam)).isEqualTo(utc("2026-10-25T00:30:00Z"));
        assertThat(WallClock.end(LocalDateTime.parse("2026-10-25T02:30"), amsterdam)).isEqualTo(utc("2026-10-25T01:30:00Z"));
    }
}
