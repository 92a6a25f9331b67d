package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.Iterator;

/** When a window is active, as a lazily enumerated series of spans. */
public interface WindowSchedule {
    /**
     * The spans that end after {@code from}, in non-decreasing order of start; possibly infinite, so callers pull
     * only what they need.
     *
     * @throws WindowUnavailableException when the schedule cannot be known (e.g. a Change Calendar is unreachable)
     */
    Iterator<TimeSpan> spansEndingAfter(Instant from);

    /** Human-readable summary for listings, e.g. {@code cron "0 9 * * 1-5" for 1h (Europe/Amsterdam)}. */
    String describe();
}
