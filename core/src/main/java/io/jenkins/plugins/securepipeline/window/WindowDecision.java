package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gate's answer at one instant, complete enough to be the audit record.
 *
 * @param state the final answer, after any break-glass override or fail-open
 * @param calendarState what the calendar alone said (CLOSED when it could not be evaluated)
 * @param reasons the windows (or problems) that decided {@code calendarState}
 * @param closedUntil when closed: the first instant it is open again; null when open or not known within the
 *     search horizon
 * @param nextClosure the first instant after the next open moment at which it closes; null when none is known
 * @param breakGlass the override that opened a closed gate, or null
 * @param failedOpen true when the calendar could not be evaluated and the caller had asked to fail open
 */
public record WindowDecision(GateState state, GateState calendarState, Instant at, List<WindowReason> reasons,
        Instant closedUntil, Instant nextClosure, BreakGlass breakGlass, boolean failedOpen) {

    public WindowDecision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(calendarState, "calendarState");
        Objects.requireNonNull(at, "at");
        reasons = List.copyOf(reasons);
    }

    public boolean isOpen() {
        return state == GateState.OPEN;
    }

    /** Whether the calendar could not be fully evaluated (a problem is among the reasons). */
    public boolean hasErrors() {
        return reasons.stream().anyMatch(reason -> WindowReason.ERROR.equals(reason.kind()));
    }

    /** A closed decision caused by a problem, not by a window: the fail-closed answer. */
    public static WindowDecision failedClosed(Instant at, List<WindowReason> problems) {
        return new WindowDecision(GateState.CLOSED, GateState.CLOSED, at, problems, null, null, null, false);
    }

    WindowDecision overriddenBy(BreakGlass override) {
        return new WindowDecision(GateState.OPEN, calendarState, at, reasons, closedUntil, nextClosure, override, failedOpen);
    }

    WindowDecision failingOpen() {
        return new WindowDecision(GateState.OPEN, calendarState, at, reasons, closedUntil, nextClosure, breakGlass, true);
    }
}
