package io.jenkins.plugins.securepipeline.window;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gate as the step and the CLI use it: load a calendar, decide at an instant, fail closed on any problem
 * unless the policy says fail open, and apply a break-glass override with its record.
 */
public final class BlackoutGate {
    private final CalendarLoader loader;
    private final Clock clock;

    public BlackoutGate(CalendarLoader loader, Clock clock) {
        this.loader = Objects.requireNonNull(loader);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The decision now, by the injected clock. */
    public WindowDecision decideNow(Path calendarFile, GatePolicy policy) {
        return decide(calendarFile, clock.instant(), policy);
    }

    /** Never throws for a bad calendar: that is a CLOSED decision naming the problem (or OPEN if failing open). */
    public WindowDecision decide(Path calendarFile, Instant at, GatePolicy policy) {
        BlackoutCalendar calendar;
        try {
            calendar = loader.load(calendarFile);
        } catch (InvalidCalendarException e) {
            return invalidCalendar(at, e.getMessage(), policy);
        } catch (RuntimeException e) {
            return invalidCalendar(at, "cannot evaluate calendar " + calendarFile + ": " + e, policy);
        }
        return decide(calendar, at, policy);
    }

    /** Decides on an already loaded calendar. */
    public static WindowDecision decide(BlackoutCalendar calendar, Instant at, GatePolicy policy) {
        WindowDecision decision;
        try {
            decision = calendar.decide(at, policy.failOpen());
        } catch (RuntimeException e) {
            // A defect must not open a freeze: report it and stay closed (or fail open if explicitly asked).
            decision = WindowDecision.failedClosed(at, List.of(WindowReason.error(null,
                    "cannot evaluate calendar " + calendar.source() + ": " + e)));
            if (policy.failOpen()) {
                decision = decision.failingOpen();
            }
        }
        return applyBreakGlass(decision, policy);
    }

    /** The decision for a calendar that could not be loaded. */
    public static WindowDecision invalidCalendar(Instant at, String problem, GatePolicy policy) {
        WindowDecision decision = WindowDecision.failedClosed(at, List.of(WindowReason.error(null, problem)));
        if (policy.failOpen()) {
            decision = decision.failingOpen();
        }
        return applyBreakGlass(decision, policy);
    }

    private static WindowDecision applyBreakGlass(WindowDecision decision, GatePolicy policy) {
        if (policy.breakGlass() == null || decision.isOpen()) {
            return decision; // an override is recorded only when it actually opened the gate
        }
        return decision.overriddenBy(policy.breakGlass());
    }
}
