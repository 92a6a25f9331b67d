package io.jenkins.plugins.securepipeline.plugin.window;

import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.TimeSpan;
import io.jenkins.plugins.securepipeline.window.WindowSchedule;
import io.jenkins.plugins.securepipeline.window.WindowUnavailableException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;

/**
 * Imports for checking a calendar form: accepts every iCalendar and Change Calendar reference without reaching
 * it, so validating a form never makes the controller fetch a URL or call AWS. The schedules it returns cannot
 * be evaluated; they exist only so the rest of the calendar can be checked.
 */
final class ImportsCheckedLater implements ImportSources {
    @Override
    public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
        return new Unchecked("iCalendar " + location);
    }

    @Override
    public WindowSchedule changeCalendar(String nameOrArn) {
        return new Unchecked("AWS Change Calendar " + nameOrArn);
    }

    private record Unchecked(String description) implements WindowSchedule {
        @Override
        public Iterator<TimeSpan> spansEndingAfter(Instant from) {
            throw new WindowUnavailableException(description + " is only read when a gate decides");
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
