package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import io.jenkins.plugins.securepipeline.window.ical.IcsException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowIcsImportTest {
    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2028-01-01T00:00:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static List<TimeSpan> spans(String events) {
        return spans(events, AMSTERDAM);
    }

    private static List<TimeSpan> spans(String events, ZoneId floating) {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events.replace("\n", "\r\n")
                + "END:VCALENDAR\r\n";
        return IcsCalendarImport.spans(text, "test.ics", floating, FROM, TO);
    }

    private static TimeSpan span(String start, String end) {
        return new TimeSpan(utc(start), utc(end));
    }

    private static List<LocalDate> startDates(List<TimeSpan> spans, ZoneId zone) {
        return spans.stream().map(span -> span.start().atZone(zone).toLocalDate()).sorted().toList();
    }

    @Test
    void unfoldsLinesAndReadsTzidAndUtcTimes() {
        assertThat(spans("""
                BEGIN:VEVENT
                UID:1
                SUMMARY:Release freeze for the big
                  launch
                DTSTART;TZID=Europe/Amsterdam:20261201T090000
                DTEND;TZID=Europe/Amsterdam:20261201T1
                 73000
                END:VEVENT
                BEGIN:VEVENT
                UID:2
                DTSTART:20261202T080000Z
                DTEND:20261202T090000Z
                END:VEVENT
                """)).containsExactly(span("2026-12-01T08:00:00Z", "2026-12-01T16:30:00Z"), span("2026-12-02T08:00:00Z", "2026-12-02T09:00:00Z"));
    }

    @Test
    void allDayEventsAreWholeLocalDaysInTheWindowZone() {
        assertThat(spans("""
                BEGIN:VEVENT
                UID:xmas
                DTSTART;VALUE=DATE:20261224
                DTEND;VALUE=DATE:20261227
                END:VEVENT
                BEGIN:VEVENT
                UID:newyear
                DTSTART;VALUE=DATE:20270101
                END:VEVENT
                """)).containsExactly(span("2026-12-23T23:00:00Z", "2026-12-26T23:00:00Z"), span("2026-12-31T23:00:00Z", "2027-01-01T23:00:00Z"));
    }

    @Test
    void weeklyByDayWithCount() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:w
                DTSTART;TZID=Europe/Amsterdam:20261102T090000
                DURATION:PT1H
                RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=5
                END:VEVENT
                """);
        assertThat(startDates(spans, AMSTERDAM)).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4),
                LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 11));
        assertThat(spans.get(0)).isEqualTo(span("2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z"));
    }

    @Test
    void biweeklyWithWeekStart() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:w
                DTSTART;TZID=Europe/Amsterdam:20261103T090000
                DURATION:PT1H
                RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU;COUNT=4
                END:VEVENT
                """);
        assertThat(startDates(spans, AMSTERDAM)).containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5),
                LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 19));
    }

    @Test
    void lastFridayOfEachMonthUntil() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:lf
                DTSTART;TZID=America/New_York:20260130T170000
                DTEND;TZID=America/New_York:20260130T230000
                RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260601T000000Z
                END:VEVENT
                """);
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(startDates(spans, newYork)).containsExactly(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 24), LocalDate.of(2026, 5, 29));
        // 17:00 EST is 22:00Z in January, 17:00 EDT is 21:00Z in May.
        assertThat(spans.get(0).start()).isEqualTo(utc("2026-01-30T22:00:00Z"));
        assertThat(spans.get(4)).isEqualTo(span("2026-05-29T21:00:00Z", "2026-05-30T03:00:00Z"));
    }

    @Test
    void lastWorkdayOfTheMonthWithBySetPos() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:lw
                DTSTART;TZID=Europe/Amsterdam:20260130T120000
                DURATION:PT4H
                RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4
                END:VEVENT
                """);
        assertThat(startDates(spans, AMSTERDAM)).containsExactly(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
    }

    @Test
    void yearlyByMonthAndMonthDayAndNthWeekday() {
        List<TimeSpan> christmas = spans("""
                BEGIN:VEVENT
                UID:c
                DTSTART;VALUE=DATE:20261224
                RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24,25,26
                END:VEVENT
                """);
        assertThat(startDates(christmas, AMSTERDAM)).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26), LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
        List<TimeSpan> thanksgiving = spans("""
                BEGIN:VEVENT
                UID:t
                DTSTART;VALUE=DATE:20261126
                RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH
                END:VEVENT
                """);
        assertThat(startDates(thanksgiving, AMSTERDAM)).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2027, 11, 25));
        List<TimeSpan> lastDay = spans("""
                BEGIN:VEVENT
                UID:m
                DTSTART;VALUE=DATE:20260131
                RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3
                END:VEVENT
                """);
        assertThat(startDates(lastDay, AMSTERDAM)).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }

    @Test
    void monthlyOnTheThirtyFirstSkipsShortMonths() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:m
                DTSTART;VALUE=DATE:20260131
                RRULE:FREQ=MONTHLY;COUNT=4
                END:VEVENT
                """);
        assertThat(startDates(spans, AMSTERDAM)).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 31));
    }

    @Test
    void exdateRdateAndRecurrenceIdOverride() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:d
                DTSTART;TZID=Europe/Amsterdam:20261201T100000
                DTEND;TZID=Europe/Amsterdam:20261201T110000
                RRULE:FREQ=DAILY;INTERVAL=2;COUNT=4
                EXDATE;TZID=Europe/Amsterdam:20261203T100000
                RDATE;TZID=Europe/Amsterdam:20261210T150000,20261211T150000
                END:VEVENT
                BEGIN:VEVENT
                UID:d
                RECURRENCE-ID;TZID=Europe/Amsterdam:20261205T100000
                DTSTART;TZID=Europe/Amsterdam:20261205T140000
                DTEND;TZID=Europe/Amsterdam:20261205T143000
                END:VEVENT
                BEGIN:VEVENT
                UID:gone
                STATUS:CANCELLED
                DTSTART:20261206T100000Z
                DTEND:20261206T110000Z
                END:VEVENT
                """);
        assertThat(spans).containsExactlyInAnyOrder(
                span("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"),
                span("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"),
                span("2026-12-10T14:00:00Z", "2026-12-10T15:00:00Z"),
                span("2026-12-11T14:00:00Z", "2026-12-11T15:00:00Z"),
                span("2026-12-05T13:00:00Z", "2026-12-05T13:30:00Z"));
    }

    @Test
    void recurrenceStartingInADstGapIsKeptAtTheEndOfTheGap() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:g
                DTSTART;TZID=America/New_York:20260307T023000
                DURATION:PT1H
                RRULE:FREQ=DAILY;COUNT=3
                END:VEVENT
                """);
        assertThat(spans).containsExactly(
                span("2026-03-07T07:30:00Z", "2026-03-07T08:30:00Z"),
                span("2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"), // 02:30 does not exist: from 03:00 EDT
                span("2026-03-09T06:30:00Z", "2026-03-09T07:30:00Z"));
    }

    @Test
    void nominalDayDurationFollowsTheWallClockAcrossDst() {
        assertThat(spans("""
                BEGIN:VEVENT
                UID:n
                DTSTART;TZID=Europe/Amsterdam:20260328T120000
                DURATION:P1D
                END:VEVENT
                """)).containsExactly(span("2026-03-28T11:00:00Z", "2026-03-29T10:00:00Z"));
    }

    private static final String OUTLOOK_ZONE = """
            BEGIN:VTIMEZONE
            TZID:W. Europe Standard Time
            BEGIN:STANDARD
            DTSTART:16010101T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:16010101T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
            END:DAYLIGHT
            END:VTIMEZONE
            """;

    @Test
    void nonIanaTzidHonoursTheVtimezoneOffsets() {
        List<TimeSpan> spans = spans(OUTLOOK_ZONE + """
                BEGIN:VEVENT
                UID:o
                DTSTART;TZID=W. Europe Standard Time:20260327T090000
                DTEND;TZID=W. Europe Standard Time:20260327T100000
                RRULE:FREQ=DAILY;COUNT=3
                END:VEVENT
                BEGIN:VEVENT
                UID:gap
                DTSTART;TZID="W. Europe Standard Time":20260329T023000
                DURATION:PT30M
                END:VEVENT
                BEGIN:VEVENT
                UID:autumn
                DTSTART;TZID=W. Europe Standard Time:20261025T023000
                DURATION:PT30M
                END:VEVENT
                """, null);
        assertThat(spans).containsExactly(
                span("2026-03-27T08:00:00Z", "2026-03-27T09:00:00Z"), // +01:00
                span("2026-03-28T08:00:00Z", "2026-03-28T09:00:00Z"),
                span("2026-03-29T07:00:00Z", "2026-03-29T08:00:00Z"), // +02:00 after the last Sunday of March
                span("2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"), // 02:30 in the gap: from 03:00 +02:00
                span("2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z")); // overlap: the first 02:30 (+02:00)
    }

    @Test
    void errorsNameTheSourceLineAndEvent() {
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nSUMMARY:Deploy stop\nDTSTART;TZID=Mordor/Barad-dur:20261201T090000\nDURATION:PT1H\nEND:VEVENT\n"))
                .isInstanceOf(IcsException.class)
                .hasMessage("test.ics:7: TZID 'Mordor/Barad-dur' is neither an IANA time zone nor defined by a VTIMEZONE in this file");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261201T090000Z\nDURATION:PT1H\nRRULE:FREQ=HOURLY\nEND:VEVENT\n"))
                .hasMessage("test.ics:8: event 'x' RRULE FREQ=HOURLY is not supported (DAILY, WEEKLY, MONTHLY, YEARLY)");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261201T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYHOUR=9\nEND:VEVENT\n"))
                .hasMessageContaining("RRULE part BYHOUR is not supported");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDURATION:PT1H\nEND:VEVENT\n")).hasMessage("test.ics:4: event 'x' has no DTSTART");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261201T090000Z\nEND:VEVENT\n"))
                .hasMessageContaining("has neither DTEND nor DURATION");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261301T090000Z\nDURATION:PT1H\nEND:VEVENT\n"))
                .hasMessageContaining("test.ics:6: event 'x' DTSTART '20261301T090000Z' is not an iCalendar DATE");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261201T090000\nDURATION:PT1H\nEND:VEVENT\n", null))
                .hasMessageContaining("test.ics:6: DTSTART is a floating time").hasMessageContaining("set timeZone");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART:20261201T090000Z\nDURATION:PT1H\n"))
                .hasMessageContaining("END:VCALENDAR does not close BEGIN:VEVENT (line 4)");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nthis is not ical\nEND:VEVENT\n")).hasMessage("test.ics:5: not an iCalendar content line: 'this is not ical'")
                .isInstanceOf(IcsException.class);
        assertThatThrownBy(() -> IcsCalendarImport.spans("hello", "test.ics", AMSTERDAM, FROM, TO)).hasMessageContaining("not an iCalendar");
        assertThatThrownBy(() -> spans("BEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:17000101\nRRULE:FREQ=DAILY\nEND:VEVENT\n"))
                .hasMessageContaining("expands to more than 100000 instances");
    }

    @Test
    void endlessRulesAreExpandedOnlyForTheRequestedPeriod() {
        List<TimeSpan> spans = spans("""
                BEGIN:VEVENT
                UID:e
                DTSTART:20000101T090000Z
                DURATION:PT1H
                RRULE:FREQ=DAILY
                END:VEVENT
                """);
        assertThat(spans).hasSize(730); // 2026 and 2027
        assertThat(spans.get(0).start()).isEqualTo(utc("2026-01-01T09:00:00Z"));
    }

    @Test
    void scheduleRefusesInstantsOutsideItsExpansion() {
        IcsSchedule schedule = new IcsSchedule("x.ics", List.of(), FROM, TO);
        assertThatThrownBy(() -> schedule.spansEndingAfter(utc("2029-01-01T00:00:00Z")))
                .isInstanceOf(WindowUnavailableException.class).hasMessageContaining("was expanded for");
        assertThat(schedule.spansEndingAfter(utc("2027-01-01T00:00:00Z")).hasNext()).isFalse();
    }
}
