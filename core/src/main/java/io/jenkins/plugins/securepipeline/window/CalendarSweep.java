package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Walks a calendar forward in time, one change point at a time: a k-way merge of each window's lazily enumerated
 * spans, plus the deny and allow spans active at the current instant. Only change points are visited, so
 * finding the next open instant through back-to-back and overlapping windows costs O(spans visited · log windows).
 */
final class CalendarSweep {
    private static final Comparator<Occurrence> BY_END = Comparator.comparing(Occurrence::end);

    private final PriorityQueue<Head> pending = new PriorityQueue<>(Comparator.comparing(head -> head.current.start()));
    private final PriorityQueue<Occurrence> activeDeny = new PriorityQueue<>(BY_END);
    private final PriorityQueue<Occurrence> activeAllow = new PriorityQueue<>(BY_END);
    private final List<WindowReason> problems = new ArrayList<>();
    private final boolean hasAllow;

    /**
     * Windows whose schedule cannot be determined (see {@link WindowUnavailableException}) are left out and
     * reported by {@link #problems()}; the caller decides whether that closes the gate.
     */
    CalendarSweep(List<BlackoutWindow> windows, Instant from) {
        boolean allow = false;
        for (BlackoutWindow window : windows) {
            allow |= window.kind() == WindowKind.ALLOW;
            try {
                Head head = new Head(window, window.schedule().spansEndingAfter(from));
                if (head.advance()) {
                    pending.add(head);
                }
            } catch (WindowUnavailableException e) {
                problems.add(WindowReason.error(window.name(), e.getMessage()));
            }
        }
        this.hasAllow = allow;
        advanceTo(from);
    }

    /** Moves to {@code instant} (not before the current one): starts what has started, ends what has ended. */
    void advanceTo(Instant instant) {
        while (!pending.isEmpty() && !pending.peek().current.start().isAfter(instant)) {
            Head head = pending.poll();
            Occurrence occurrence = head.current;
            if (occurrence.end().isAfter(instant)) {
                (occurrence.kind() == WindowKind.DENY ? activeDeny : activeAllow).add(occurrence);
            }
            if (advanceReportingProblems(head)) {
                pending.add(head);
            }
        }
        dropEnded(activeDeny, instant);
        dropEnded(activeAllow, instant);
    }

    private boolean advanceReportingProblems(Head head) {
        try {
            return head.advance();
        } catch (WindowUnavailableException e) {
            problems.add(WindowReason.error(head.window.name(), e.getMessage()));
            return false;
        }
    }

    /** Windows that could not be evaluated, as error reasons. */
    List<WindowReason> problems() {
        return List.copyOf(problems);
    }

    private static void dropEnded(PriorityQueue<Occurrence> active, Instant instant) {
        while (!active.isEmpty() && !active.peek().end().isAfter(instant)) {
            active.poll();
        }
    }

    /** Any active deny closes; if allow windows exist, being outside all of them closes. */
    boolean isOpen() {
        return activeDeny.isEmpty() && (!hasAllow || !activeAllow.isEmpty());
    }

    /** The next instant after now at which a span starts or ends, or null if nothing ever changes again. */
    Instant nextChange() {
        Instant next = null;
        if (!pending.isEmpty()) {
            next = pending.peek().current.start();
        }
        next = earlier(next, activeDeny.peek());
        next = earlier(next, activeAllow.peek());
        return next;
    }

    private static Instant earlier(Instant candidate, Occurrence active) {
        if (active == null) {
            return candidate;
        }
        return candidate == null || active.end().isBefore(candidate) ? active.end() : candidate;
    }

    /** The active spans that explain the current state, earliest start first. */
    List<Occurrence> activeDenies() {
        return sorted(activeDeny);
    }

    List<Occurrence> activeAllows() {
        return sorted(activeAllow);
    }

    private static List<Occurrence> sorted(PriorityQueue<Occurrence> active) {
        List<Occurrence> list = new ArrayList<>(active);
        list.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::window));
        return list;
    }

    private static final class Head {
        private final BlackoutWindow window;
        private final Iterator<TimeSpan> spans;
        private Occurrence current;

        Head(BlackoutWindow window, Iterator<TimeSpan> spans) {
            this.window = window;
            this.spans = spans;
        }

        boolean advance() {
            if (!spans.hasNext()) {
                current = null;
                return false;
            }
            TimeSpan span = spans.next();
            current = new Occurrence(window.name(), window.kind(), span.start(), span.end());
            return true;
        }
    }
}
