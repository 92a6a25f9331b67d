package io.jenkins.plugins.securepipeline.window;

import java.time.ZoneId;
import java.util.Objects;

/** A named deny or allow window of a calendar, with its own time zone and schedule. */
public record BlackoutWindow(String name, WindowKind kind, ZoneId zone, WindowSchedule schedule) {
    public BlackoutWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(schedule, "schedule");
    }
}
