package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.window.CalendarImports;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarStates;
import io.jenkins.plugins.securepipeline.window.IcsUrlFetcher;
import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import io.jenkins.plugins.securepipeline.window.WindowSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Imports the CLI allows: the person running it supplies the calendar, so iCalendar files and URLs are theirs to
 * name. Change Calendars are asked through the given states, which say themselves when no AWS region is configured
 * (the window then closes the gate).
 */
final class CliImportSources {
    private CliImportSources() {}

    /**
     * @param checkChangeCalendar runs when the calendar names a Change Calendar, before it is used: it throws an
     *     {@link io.jenkins.plugins.securepipeline.window.InvalidCalendarException} when SSM cannot be asked at all
     * @param timeout the deadline of a whole iCalendar download (--timeout)
     */
    static ImportSources of(Instant at, Duration listing, ChangeCalendarStates changeCalendars,
            Consumer<String> checkChangeCalendar, Duration timeout) {
        CalendarImports imports = CalendarImports.forDecisionsFrom(at, listing,
                new IcsUrlFetcher(timeout, IcsCalendarImport.MAX_BYTES), changeCalendars);
        return new ImportSources() {
            @Override
            public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
                return imports.icalendar(location, baseDirectory, floatingZone);
            }

            @Override
            public WindowSchedule changeCalendar(String nameOrArn) {
                checkChangeCalendar.accept(nameOrArn);
                return imports.changeCalendar(nameOrArn);
            }
        };
    }
}
