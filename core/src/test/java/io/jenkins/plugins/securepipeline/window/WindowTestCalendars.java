package io.jenkins.plugins.securepipeline.window;

import java.nio.file.Path;
import java.time.Instant;

/** Small helpers shared by the window tests. */
final class WindowTestCalendars {
    private WindowTestCalendars() {}

    static BlackoutCalendar yaml(String yaml) {
        return new CalendarLoader().parse(yaml, "test.yaml", Path.of("."));
    }

    static Instant utc(String text) {
        return Instant.parse(text);
    }
}
