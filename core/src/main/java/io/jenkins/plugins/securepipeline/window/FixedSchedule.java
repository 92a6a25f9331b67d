package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** A finite, precomputed list of spans: one-off {@code from}/{@code to} ranges and expanded iCalendar events. */
public final class FixedSchedule implements WindowSchedule {
    private final List<TimeSpan> spans;
    private final Duration longest;
    private final String description;

    public FixedSchedule(List<TimeSpan> spans, String description) {
        List<TimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(TimeSpan::start).thenComparing(TimeSpan::end));
        this.spans = List.copyOf(sorted);
        this.longest = sorted.stream().map(span -> Duration.between(span.start(), span.end()))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        this.description = description;
    }

    public List<TimeSpan> spans() {
        return spans;
    }

    @Override
    public Iterator<TimeSpan> spansEndingAfter(Instant from) {
        // Nothing that starts before from - longest can still be running: binary-search there, then filter.
        Instant earliestStart = from.minus(longest);
        int low = 0;
        int high = spans.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (spans.get(mid).start().isBefore(earliestStart)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int first = low;
        return new SpanIterator() {
            private int index = first;

            @Override
            protected TimeSpan computeNext() {
                while (index < spans.size()) {
                    TimeSpan span = spans.get(index++);
                    if (span.end().isAfter(from)) {
                        return span;
                    }
                }
                return null;
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
