package io.jenkins.plugins.securepipeline.window;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What a calendar file may import: iCalendar files and URLs, and AWS Change Calendars. The caller chooses, so a
 * calendar from an untrusted place cannot make the controller fetch arbitrary URLs or call AWS.
 */
public interface ImportSources {
    /**
     * The schedule of an iCalendar import.
     *
     * @param location a path (relative to {@code baseDirectory}) or an http(s) URL
     * @param floatingZone the zone for floating (zone-less) times, or null if the window gives none
     * @throws InvalidCalendarException when it cannot be read, is invalid, or imports are not allowed
     */
    WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone);

    /**
     * The schedule of an AWS Systems Manager Change Calendar, queried when the gate decides.
     *
     * @throws InvalidCalendarException when Change Calendars are not configured
     */
    WindowSchedule changeCalendar(String nameOrArn);

    /** Refuses every import. */
    static ImportSources none() {
        return new ImportSources() {
            @Override
            public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
                throw new InvalidCalendarException("iCalendar imports are not enabled here");
            }

            @Override
            public WindowSchedule changeCalendar(String nameOrArn) {
                throw new InvalidCalendarException("AWS Change Calendars are not configured here (no SSM access)");
            }
        };
    }
}
