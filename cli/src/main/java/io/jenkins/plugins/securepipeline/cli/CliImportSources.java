package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.InvalidCalendarException;
import io.jenkins.plugins.securepipeline.window.WindowSchedule;
import java.nio.file.Path;
import java.time.ZoneId;

/** Imports the CLI allows: the person running it supplies the calendar, so files and URLs are theirs to name. */
final class CliImportSources {
    private CliImportSources() {}

    static ImportSources withoutAws() {
        return new ImportSources() {
            @Override
            public WindowSchedule icalendar(String location, Path baseDirectory, ZoneId floatingZone) {
                return ImportSources.none().icalendar(location, baseDirectory, floatingZone);
            }

            @Override
            public WindowSchedule changeCalendar(String nameOrArn) {
                throw new InvalidCalendarException("Change Calendar '" + nameOrArn + "' cannot be checked: the CLI has"
                        + " no AWS access configured for SSM, so the gate stays closed");
            }
        };
    }
}
