package io.jenkins.plugins.securepipeline.window;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import io.jenkins.plugins.securepipeline.window.ical.IcsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The imports a caller allows: iCalendar files next to the calendar (never outside its directory), optionally
 * iCalendar URLs, optionally AWS Change Calendars. iCalendar recurrences are expanded for the period the caller
 * will ask about (see {@link #forDecisionsFrom}).
 */
public final class CalendarImports implements ImportSources {
    private final Instant expandFrom;
    private final Instant expandTo;
    private final IcsUrlFetcher urlFetcher;
    private final ChangeCalendarStates changeCalendars;

    /**
     * @param urlFetcher null refuses URL imports
     * @param changeCalendars null refuses Change Calendar windows (with a clear error)
     */
    public CalendarImports(Instant expandFrom, Instant expandTo, IcsUrlFetcher urlFetcher, ChangeCalendarStates changeCalendars) {
        this.expandFrom = Objects.requireNonNull(expandFrom);
        this.expandTo = Objects.requireNonNull(expandTo);
        this.urlFetcher = urlFetcher;
        this.changeCalendars = changeCalendars;
    }

    /**
     * Imports expanded so that a decision at {@code at} (with its look-ahead) and a listing of {@code listing}
     * after it can be answered.
     */
    public static CalendarImports forDecisionsFrom(Instant at, Duration listing, IcsUrlFetcher urlFetcher,
            ChangeCalendarStates changeCalendars) {
        Duration ahead = BlackoutCalendar.SEARCH_HORIZON.plus(listing).plus(Duration.ofDays(2));
        return new CalendarImports(at.minus(Duration.ofDays(1)), at.plus(ahead), urlFetcher, changeCalendars);
    }

    @Override
    public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
        String text;
        if (location.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            if (urlFetcher == null) {
                throw new InvalidCalendarException("iCalendar URLs are not allowed here; use a file next to the calendar");
            }
            URI uri;
            try {
                uri = new URI(location);
            } catch (URISyntaxException e) {
                throw new InvalidCalendarException("'" + location + "' is not a valid URL");
            }
            text = urlFetcher.fetch(uri);
        } else {
            text = readFile(location, baseDirectory);
        }
        List<TimeSpan> spans;
        try {
            spans = IcsCalendarImport.spans(text, location, floatingZone, expandFrom, expandTo);
        } catch (IcsException e) {
            throw new InvalidCalendarException(e.getMessage());
        }
        return new IcsSchedule(location, spans, expandFrom, expandTo);
    }

    private static String readFile(String location, Path baseDirectory) {
        Path relative = Path.of(location);
        if (relative.isAbsolute() || baseDirectory == null) {
            throw new InvalidCalendarException("iCalendar path '" + location + "' must be relative to the calendar file");
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (!file.startsWith(base)) {
            throw new InvalidCalendarException("iCalendar path '" + location + "' leaves the calendar's directory");
        }
        try {
            return new String(UserFiles.read(file, IcsCalendarImport.MAX_BYTES), StandardCharsets.UTF_8);
        } catch (UserFileException e) {
            throw new InvalidCalendarException("cannot read iCalendar " + location + ": " + e.problem());
        }
    }

    @Override
    public WindowSchedule changeCalendar(String nameOrArn) {
        if (changeCalendars == null) {
            return ImportSources.none().changeCalendar(nameOrArn);
        }
        return new ChangeCalendarSchedule(nameOrArn, changeCalendars);
    }
}
