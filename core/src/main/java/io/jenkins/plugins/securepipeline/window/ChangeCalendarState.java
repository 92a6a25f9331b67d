package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code GetCalendarState} answered: OPEN or CLOSED at {@code at}, and when that changes (null when it never
 * does). Whether the calendar is DEFAULT_OPEN or DEFAULT_CLOSED is already folded into the state by AWS.
 */
public record ChangeCalendarState(boolean open, Instant at, Instant nextTransition) {
    public ChangeCalendarState {
        Objects.requireNonNull(at, "at");
    }
}
