package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.window.CalendarImports;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarStates;
import io.jenkins.plugins.securepipeline.window.IcsUrlFetcher;
import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.InvalidCalendarException;
import io.jenkins.plugins.securepipeline.window.WindowSchedule;
import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Imports the CLI allows: the person running it supplies the calendar, so iCalendar files and URLs are theirs to
 * name. Change Calendars need {@code --ssm-region}; without it a Change Calendar window is a clear error (gate
 * closed).
 */
final class CliImportSources {
    private CliImportSources() {}

    private static IcsUrlFetcher fetcher(Duration timeout) {
        return new IcsUrlFetcher(timeout, IcsCalendarImport.MAX_BYTES);
    }

    /** @param timeout the deadline of a whole iCalendar download (--timeout) */
    static ImportSources withSsm(Instant at, Duration listing, ChangeCalendarStates changeCalendars, Duration timeout) {
        return CalendarImports.forDecisionsFrom(at, listing, fetcher(timeout), changeCalendars);
    }

    static ImportSources withoutAws(Instant at, Duration listing, Duration timeout) {
        CalendarImports imports = CalendarImports.forDecisionsFrom(at, listing, fetcher(timeout), null);
        return new ImportSources() {
            @Override
            public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
                return imports.icalendar(location, baseDirectory, floatingZone);
            }

            @Override
            public WindowSchedule changeCalendar(String nameOrArn) {
                throw new InvalidCalendarException("Change Calendar '" + nameOrArn + "' cannot be checked: no AWS access"
                        + " is configured for SSM (give --ssm-region), so the gate stays closed");
            }
        };
    }
}
