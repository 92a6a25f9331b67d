package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A change-freeze calendar: named deny and allow windows, each in its own zone. Semantics (as Argo CD sync
 * windows): any active deny window closes the gate; if the calendar has allow windows, being outside all of them
 * closes it; deny beats allow; a calendar without windows is open.
 */
public final class BlackoutCalendar {
    /** How far ahead {@code closedUntil} and {@code nextClosure} are searched. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(732);
    /** Change points visited per search; bounds the work for pathological calendars (a deny every minute). */
    static final int MAX_STEPS = 250_000;
    /** Occurrences listed by {@link #occurrences}; a listing is for people, not for bulk export. */
    public static final int MAX_LISTED = 100_000;

    private final String source;
    private final ZoneId zone;
    private final List<BlackoutWindow> windows;

    public BlackoutCalendar(String source, ZoneId zone, List<BlackoutWindow> windows) {
        this.source = Objects.requireNonNull(source);
        this.zone = Objects.requireNonNull(zone);
        this.windows = List.copyOf(windows);
    }

    /** Where the calendar came from (a path), for messages. */
    public String source() {
        return source;
    }

    /** The calendar's default zone, also the zone listings are shown in. */
    public ZoneId zone() {
        return zone;
    }

    public List<BlackoutWindow> windows() {
        return windows;
    }

    /** The decision at {@code at}, failing closed when a window cannot be evaluated. */
    public WindowDecision decide(Instant at) {
        return decide(at, false);
    }

    /**
     * The decision at {@code at}.
     *
     * @param failOpen when a window cannot be evaluated (an unreachable Change Calendar): false closes the gate
     *     with the problem as reason; true leaves that window out and marks the decision as failed open
     */
    public WindowDecision decide(Instant at, boolean failOpen) {
        CalendarSweep sweep = new CalendarSweep(windows, at);
        boolean open = sweep.isOpen();
        List<WindowReason> reasons = new ArrayList<>(sweep.problems());
        if (open) {
            sweep.activeAllows().forEach(occurrence -> reasons.add(WindowReason.active(occurrence)));
        } else {
            List<Occurrence> denies = sweep.activeDenies();
            denies.forEach(occurrence -> reasons.add(WindowReason.active(occurrence)));
            if (denies.isEmpty()) {
                reasons.add(WindowReason.outsideAllowWindows());
            }
        }
        Instant limit = at.plus(SEARCH_HORIZON);
        Instant closedUntil = open ? null : firstInstantInState(sweep, true, limit);
        Instant nextClosure = open || closedUntil != null ? firstInstantInState(sweep, false, limit) : null;
        List<WindowReason> problems = sweep.problems();
        if (!problems.isEmpty()) {
            // Problems found while searching ahead matter as much as those found at `at`.
            problems.stream().filter(problem -> !reasons.contains(problem)).forEach(reasons::add);
            if (!failOpen) {
                return WindowDecision.failedClosed(at, reasons);
            }
            // The caller asked to fail open: decide on the windows that could be evaluated, and say so.
            return new WindowDecision(open ? GateState.OPEN : GateState.CLOSED, GateState.CLOSED, at, reasons,
                    closedUntil, nextClosure, null, true);
        }
        GateState state = open ? GateState.OPEN : GateState.CLOSED;
        return new WindowDecision(state, state, at, reasons, closedUntil, nextClosure, null, false);
    }

    /** Advances the sweep to the first change point where open == wanted; null if none within limit. */
    private static Instant firstInstantInState(CalendarSweep sweep, boolean wantOpen, Instant limit) {
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant next = sweep.nextChange();
            if (next == null || next.isAfter(limit)) {
                return null;
            }
            sweep.advanceTo(next);
            if (sweep.isOpen() == wantOpen) {
                return next;
            }
        }
        return null;
    }

    /**
     * Every window occurrence overlapping {@code [from, to)}, ordered by start.
     *
     * @throws WindowUnavailableException if a window cannot be evaluated
     * @throws IllegalArgumentException if more than {@link #MAX_LISTED} occurrences fall in the period
     */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        List<Occurrence> result = new ArrayList<>();
        for (BlackoutWindow window : windows) {
            Iterator<TimeSpan> spans = window.schedule().spansEndingAfter(from);
            while (spans.hasNext()) {
                TimeSpan span = spans.next();
                if (!span.start().isBefore(to)) {
                    break;
                }
                if (result.size() >= MAX_LISTED) {
                    throw new IllegalArgumentException("more than " + MAX_LISTED + " window occurrences between "
                            + from + " and " + to + "; list a shorter period");
                }
                result.add(new Occurrence(window.name(), window.kind(), span.start(), span.end()));
            }
        }
        result.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::end).thenComparing(Occurrence::window));
        return result;
    }

    /**
     * The periods within {@code [from, to)} during which the gate is closed, clipped to the period; problems
     * (unavailable windows) are not represented here, the decision reports them.
     */
    public List<TimeSpan> closedPeriods(Instant from, Instant to) {
        return closedPeriods(occurrences(from, to), from, to);
    }

    /**
     * The closed periods from an occurrence listing of {@code [from, to)} (as {@link #occurrences} returns it), so a
     * listing does not enumerate the windows twice: a linear sweep over the sorted start and end points.
     */
    public List<TimeSpan> closedPeriods(List<Occurrence> occurrences, Instant from, Instant to) {
        boolean hasAllow = windows.stream().anyMatch(window -> window.kind() == WindowKind.ALLOW);
        int n = occurrences.size();
        Instant[] times = new Instant[2 * n];
        int[] denyDeltas = new int[2 * n];
        int[] allowDeltas = new int[2 * n];
        Integer[] order = new Integer[2 * n];
        for (int i = 0; i < n; i++) {
            Occurrence occurrence = occurrences.get(i);
            int[] deltas = occurrence.kind() == WindowKind.DENY ? denyDeltas : allowDeltas;
            times[2 * i] = occurrence.start().isBefore(from) ? from : occurrence.start();
            deltas[2 * i] = 1;
            times[2 * i + 1] = occurrence.end().isAfter(to) ? to : occurrence.end();
            deltas[2 * i + 1] = -1;
            order[2 * i] = 2 * i;
            order[2 * i + 1] = 2 * i + 1;
        }
        java.util.Arrays.sort(order, Comparator.comparing(index -> times[index]));
        List<TimeSpan> periods = new ArrayList<>();
        int deny = 0;
        int allow = 0;
        Instant closedSince = null;
        int i = 0;
        Instant now = from;
        while (true) {
            // Apply every start and end at `now` before judging the state there.
            while (i < order.length && !times[order[i]].isAfter(now)) {
                int index = order[i++];
                deny += denyDeltas[index];
                allow += allowDeltas[index];
            }
            boolean open = deny == 0 && (!hasAllow || allow > 0);
            if (!open && closedSince == null) {
                closedSince = now;
            } else if (open && closedSince != null) {
                periods.add(new TimeSpan(closedSince, now));
                closedSince = null;
            }
            if (i >= order.length || !times[order[i]].isBefore(to)) {
                break;
            }
            now = times[order[i]];
        }
        if (closedSince != null && closedSince.isBefore(to)) {
            periods.add(new TimeSpan(closedSince, to));
        }
        return periods;
    }
}
