package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [start, end)} of real time; a window is active at its start, no longer at its end. */
public record TimeSpan(Instant start, Instant end) {
    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
