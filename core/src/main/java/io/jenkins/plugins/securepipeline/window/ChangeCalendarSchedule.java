package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

/**
 * A deny window that is active while an AWS Change Calendar is CLOSED. Its closed spans are discovered by asking
 * for the state at the instant in question and then at each reported transition; a closure without a next
 * transition lasts indefinitely. The look-ahead is bounded ({@link #MAX_LOOKUPS} calls per evaluation).
 */
final class ChangeCalendarSchedule implements WindowSchedule {
    static final int MAX_LOOKUPS = 8;
    /** Stands for "no transition reported": closed for longer than any search looks. */
    private static final Duration INDEFINITELY = Duration.ofDays(365L * 100);

    private final String calendar;
    private final ChangeCalendarStates states;

    ChangeCalendarSchedule(String calendar, ChangeCalendarStates states) {
        this.calendar = calendar;
        this.states = states;
    }

    @Override
    public Iterator<TimeSpan> spansEndingAfter(Instant from) {
        ChangeCalendarState first = states.stateAt(calendar, from); // failures here close the gate
        return new SpanIterator() {
            private ChangeCalendarState state = first;
            private int lookups = 1;

            @Override
            protected TimeSpan computeNext() {
                while (state != null) {
                    ChangeCalendarState current = state;
                    state = null;
                    if (current.nextTransition() == null || !current.nextTransition().isAfter(current.at())) {
                        return current.open() ? null : new TimeSpan(current.at(), current.at().plus(INDEFINITELY));
                    }
                    if (lookups < MAX_LOOKUPS) {
                        lookups++;
                        state = states.stateAt(calendar, current.nextTransition());
                    }
                    if (!current.open()) {
                        return new TimeSpan(current.at(), current.nextTransition());
                    }
                }
                return null;
            }
        };
    }

    @Override
    public String describe() {
        return "AWS Change Calendar " + calendar + " (closed while CLOSED)";
    }
}
