package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * The expanded instances of an iCalendar import. Recurrences can be endless, so they are expanded for a bounded
 * period; asking about an instant outside it is a {@link WindowUnavailableException} (fail closed), never a silent
 * "no events".
 */
public final class IcsSchedule implements WindowSchedule {
    private final FixedSchedule spans;
    private final Instant expandedFrom;
    private final Instant expandedTo;
    private final String location;

    public IcsSchedule(String location, List<TimeSpan> spans, Instant expandedFrom, Instant expandedTo) {
        this.location = location;
        this.spans = new FixedSchedule(spans, "iCalendar " + location);
        this.expandedFrom = expandedFrom;
        this.expandedTo = expandedTo;
    }

    @Override
    public Iterator<TimeSpan> spansEndingAfter(Instant from) {
        if (from.isBefore(expandedFrom) || !from.isBefore(expandedTo)) {
            throw new WindowUnavailableException("iCalendar " + location + " was expanded for " + expandedFrom + " to "
                    + expandedTo + " only, not for " + from);
        }
        return spans.spansEndingAfter(from);
    }

    public List<TimeSpan> spans() {
        return spans.spans();
    }

    @Override
    public String describe() {
        return "iCalendar " + location + " (" + spans.spans().size() + " instances expanded)";
    }
}
