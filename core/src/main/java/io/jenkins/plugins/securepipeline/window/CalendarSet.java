package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several calendars that must all be open at once: an administrator's mandatory freezes, the calendars a pipeline
 * names, and the pipeline's own windows. Each keeps its own allow/deny semantics and its own fail-open choice;
 * merging their windows into one calendar would be wrong (two calendars' allow windows would widen each other).
 *
 * <p>{@code closedUntil} of the set is the first instant at which every member is open, found by moving to the
 * latest member's reopening and re-deciding until all agree (calendars may hand the closure to each other).
 */
public final class CalendarSet {
    /** Re-decisions while chasing a common open instant; each moves forward, so this bounds pathological sets. */
    static final int MAX_ROUNDS = 64;

    private final List<Member> members;

    public CalendarSet(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a calendar set needs at least one calendar");
        }
        this.members = List.copyOf(members);
    }

    public List<Member> members() {
        return members;
    }

    /**
     * One calendar of the set: loaded, or the reason it could not be loaded (which closes the set unless
     * this member fails open).
     */
    public record Member(String name, BlackoutCalendar calendar, String loadProblem, boolean failOpen) {
        public Member {
            Objects.requireNonNull(name, "name");
            if ((calendar == null) == (loadProblem == null)) {
                throw new IllegalArgumentException("a member has either a calendar or a load problem");
            }
        }

        public static Member loaded(String name, BlackoutCalendar calendar, boolean failOpen) {
            return new Member(name, calendar, null, failOpen);
        }

        public static Member unreadable(String name, String problem, boolean failOpen) {
            return new Member(name, null, problem, failOpen);
        }

        WindowDecision decide(Instant at) {
            GatePolicy policy = new GatePolicy(failOpen, null);
            if (calendar == null) {
                return BlackoutGate.invalidCalendar(at, "calendar '" + name + "': " + loadProblem, policy);
            }
            return BlackoutGate.decide(calendar, at, policy);
        }
    }

    /** The decision of the whole set; a break-glass override opens it only when it is closed (and is recorded). */
    public WindowDecision decide(Instant at, BreakGlass breakGlass) {
        List<WindowDecision> decisions = decideAll(at);
        List<WindowReason> reasons = new ArrayList<>();
        boolean closed = false;
        boolean failedOpen = false;
        for (WindowDecision decision : decisions) {
            failedOpen |= decision.failedOpen();
            if (!decision.isOpen()) {
                closed = true;
                reasons.addAll(decision.reasons());
            }
        }
        if (!closed) {
            decisions.forEach(decision -> reasons.addAll(decision.reasons()));
            return new WindowDecision(GateState.OPEN, GateState.OPEN, at, reasons, null,
                    earliestNextClosure(decisions), null, failedOpen);
        }
        Instant closedUntil = commonReopening(decisions);
        Instant nextClosure = closedUntil == null ? null : earliestNextClosure(decideAll(closedUntil));
        if (breakGlass != null) {
            return new WindowDecision(GateState.OPEN, GateState.CLOSED, at, reasons, closedUntil, nextClosure,
                    breakGlass, failedOpen);
        }
        return new WindowDecision(GateState.CLOSED, GateState.CLOSED, at, reasons, closedUntil, nextClosure, null,
                failedOpen);
    }

    private List<WindowDecision> decideAll(Instant at) {
        List<WindowDecision> decisions = new ArrayList<>(members.size());
        for (Member member : members) {
            decisions.add(member.decide(at));
        }
        return decisions;
    }

    /** The first instant all members are open, or null when some member never reopens within its horizon. */
    private Instant commonReopening(List<WindowDecision> closedNow) {
        List<WindowDecision> decisions = closedNow;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant latest = null;
            for (WindowDecision decision : decisions) {
                if (decision.isOpen()) {
                    continue;
                }
                if (decision.closedUntil() == null) {
                    return null;
                }
                if (latest == null || decision.closedUntil().isAfter(latest)) {
                    latest = decision.closedUntil();
                }
            }
            if (latest == null) {
                return decisions.get(0).at();
            }
            decisions = decideAll(latest);
        }
        return null;
    }

    private static Instant earliestNextClosure(List<WindowDecision> decisions) {
        Instant earliest = null;
        for (WindowDecision decision : decisions) {
            Instant next = decision.nextClosure();
            if (next != null && (earliest == null || next.isBefore(earliest))) {
                earliest = next;
            }
        }
        return earliest;
    }
}
