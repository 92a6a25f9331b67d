package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowCalendarLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String errorFor(String yaml) throws Exception {
        Path file = write("calendar.yaml", yaml);
        try {
            new CalendarLoader().load(file);
        } catch (InvalidCalendarException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the calendar to be refused");
    }

    @Test
    void loadsTheIssueExampleWithoutTheImport() throws Exception {
        Path file = write("calendar.yaml", """
                timeZone: Europe/Amsterdam            # default for windows without their own
                windows:
                  - name: morning-peak
                    kind: deny                        # deny | allow
                    cron: "0 9 * * 1-5"               # start
                    duration: 1h                      # ISO-8601 (PT1H) or 1h/30m/2d
                  - name: weekdays-only
                    kind: allow
                    weekly: "Mon-Fri 07:00-19:00"
                    timeZone: America/New_York
                  - name: year-end
                    kind: deny
                    from: 2026-12-20T00:00
                    to: 2027-01-04T00:00
                """);
        BlackoutCalendar calendar = new CalendarLoader().load(file);
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(calendar.windows()).extracting(BlackoutWindow::name).containsExactly("morning-peak", "weekdays-only", "year-end");
        assertThat(calendar.windows().get(1).zone()).isEqualTo(ZoneId.of("America/New_York"));
        // Monday 2026-11-23 08:30 Amsterdam (07:30Z) = 02:30 New York: outside the allow window.
        assertThat(calendar.decide(utc("2026-11-23T07:30:00Z")).state()).isEqualTo(GateState.CLOSED);
        // 15:00Z = 16:00 Amsterdam (no peak) = 10:00 New York (allowed).
        assertThat(calendar.decide(utc("2026-11-23T15:00:00Z")).state()).isEqualTo(GateState.OPEN);
        // Year-end freeze from 2026-12-20 00:00 CET.
        WindowDecision frozen = calendar.decide(utc("2026-12-21T15:00:00Z"));
        assertThat(frozen.reasons()).extracting(WindowReason::window).containsExactly("year-end");
        assertThat(frozen.closedUntil()).isEqualTo(utc("2027-01-04T12:00:00Z")); // Monday 07:00 in New York
    }

    @Test
    void isoDurationAndDateOnlyOneOff() throws Exception {
        BlackoutCalendar calendar = new CalendarLoader().load(write("c.yaml", """
                windows:
                  - {name: a, kind: deny, cron: "0 9 * * *", duration: PT1H30M, timeZone: UTC}
                  - {name: b, kind: deny, from: 2026-12-24, to: 2026-12-27, timeZone: UTC}
                """));
        assertThat(calendar.decide(utc("2026-11-23T10:29:00Z")).state()).isEqualTo(GateState.CLOSED);
        assertThat(calendar.decide(utc("2026-12-25T12:00:00Z")).closedUntil()).isEqualTo(utc("2026-12-27T00:00:00Z"));
    }

    @Test
    void unknownZoneNamesTheWindowFieldAndLineAndNeverFallsBackToUtc() throws Exception {
        String message = errorFor("""
                timeZone: UTC
                windows:
                  - name: peak
                    kind: deny
                    cron: "0 9 * * *"
                    duration: 1h
                    timeZone: Europe/Amsterdm
                """);
        assertThat(message).isEqualTo(dir.resolve("calendar.yaml") + ":7: window 'peak': field 'timeZone': unknown time zone"
                + " 'Europe/Amsterdm'; use an IANA region ID such as Europe/Amsterdam or UTC");
    }

    @Test
    void fixedOffsetZonesAreRefusedBecauseTheyIgnoreDst() throws Exception {
        assertThat(errorFor("timeZone: \"+01:00\"\nwindows: []\n")).contains(":1: field 'timeZone': '+01:00' is a fixed offset, not a time zone");
        assertThat(errorFor("timeZone: UTC+01:00\nwindows: []\n")).contains("'UTC+01:00' is a fixed offset");
        assertThat(new CalendarLoader().parse("timeZone: CET\nwindows: []\n", "c.yaml", dir).zone()).isEqualTo(ZoneId.of("CET"));
    }

    @Test
    void missingZoneIsAnError() throws Exception {
        assertThat(errorFor("windows:\n  - {name: a, kind: deny, cron: \"0 9 * * *\", duration: 1h}\n"))
                .contains(":2: window 'a': field 'timeZone': missing");
    }

    @Test
    void errorsNameWindowFieldAndLine() throws Exception {
        String base = "timeZone: UTC\nwindows:\n  - name: w\n    kind: deny\n";
        assertThat(errorFor(base + "    cron: \"0 25 * * *\"\n    duration: 1h\n"))
                .contains("calendar.yaml:5: window 'w': field 'cron': hour field \"25\": 25 is outside 0-23");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n")).contains(":3: window 'w': field 'duration': missing");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n    duration: 1 hour\n"))
                .contains(":6: window 'w': field 'duration': '1 hour' is not a duration");
        assertThat(errorFor(base + "    weekly: \"Mon-Fry 09:00-10:00\"\n")).contains(":5: window 'w': field 'weekly': \"Fry\" is not a day");
        assertThat(errorFor(base + "    weekly: \"Mon 09:00-25:00\"\n")).contains("field 'weekly': \"25:00\" is not a time of day");
        assertThat(errorFor(base + "    from: 2026-12-20T00:00\n    to: 2026-12-19T00:00\n"))
                .contains(":6: window 'w': field 'to': 2026-12-19T00:00 is not after from 2026-12-20T00:00");
        assertThat(errorFor(base + "    from: 2026-12-20T00:00+01:00\n    to: 2026-12-21T00:00\n"))
                .contains(":5: window 'w': field 'from': '2026-12-20T00:00+01:00' is not a local date-time");
        assertThat(errorFor(base + "    from: 2026-12-20T00:00\n")).contains("field 'to': missing");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n    duration: 1h\n    weekly: \"Mon 09:00-10:00\"\n"))
                .contains("field 'weekly': conflicts with cron");
        assertThat(errorFor(base)).contains("field 'schedule': missing");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n    duration: 1h\n    timezone: UTC\n"))
                .contains(":7: window 'w': field 'timezone': unknown field; expected one of");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - name: w\n    kind: block\n    weekly: Mon 09:00-10:00\n"))
                .contains(":4: window 'w': field 'kind': 'block' is neither deny nor allow");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - kind: deny\n    weekly: Mon 09:00-10:00\n"))
                .contains(":3: window #1: field 'name': missing");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - {name: a, kind: deny, weekly: Mon 09:00-10:00}\n  - {name: a, kind: deny, weekly: Tue 09:00-10:00}\n"))
                .contains(":4: window 'a': field 'name': another window already has this name");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n    duration: 1h\n    duration: 2h\n")).contains("field 'duration': appears twice");
        assertThat(errorFor(base + "    cron: \"* * * * *\"\n    duration: 30d\n"))
                .contains(":6: window 'w': field 'duration': with this cron the window would overlap itself up to 44640 times");
        assertThat(errorFor(base + "    cron: \"0 9 * * *\"\n    duration: 367d\n")).contains("longer than a year");
    }

    @Test
    void structuralErrors() throws Exception {
        assertThat(errorFor("")).contains("the calendar is empty");
        assertThat(errorFor("timeZone: UTC\n")).contains("field 'windows': missing");
        assertThat(errorFor("timeZone: UTC\nwindows: nope\n")).contains(":2: field 'windows': must be a list");
        assertThat(errorFor("- a\n- b\n")).contains("expected a mapping");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - {name: a, kind: deny, cron: [1, 2], duration: 1h}\n"))
                .contains("field 'cron': expected a single value");
        assertThat(errorFor("timeZone: UTC\nwindows: [\n")).contains("calendar.yaml:").contains("not valid YAML");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - {name: a, kind: deny, changeCalendar: freeze}\n"))
                .contains("window 'a': field 'changeCalendar': AWS Change Calendars are not configured here (no SSM access)");
        assertThat(errorFor("timeZone: UTC\nwindows:\n  - {name: a, kind: deny, ics: holidays.ics}\n"))
                .contains("window 'a': field 'ics': iCalendar imports are not enabled here");
    }

    @Test
    void aliasBombsAreRefused() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append(", *").append(previous).append("]\n");
        }
        assertThat(errorFor(yaml.toString())).contains("calendar.yaml");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() throws Exception {
        assertThat(errorFor("[".repeat(200_000))).contains("calendar.yaml:1: nested more than 20 levels deep");
        assertThat(errorFor("a: " + "{a: ".repeat(100_000))).contains("nested more than 20 levels deep");
    }

    @Test
    void unreadableFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> new CalendarLoader().load(dir.resolve("missing.yaml")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("cannot read calendar " + dir.resolve("missing.yaml") + ": no such file or directory");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertThatThrownBy(() -> new CalendarLoader().load(binary)).hasMessageContaining("is not UTF-8 text");
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "#".repeat(CalendarLoader.MAX_FILE_BYTES + 1), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CalendarLoader().load(big)).hasMessageContaining("is larger than");
    }
}
