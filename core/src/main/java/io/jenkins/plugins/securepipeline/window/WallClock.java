package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns local wall-clock times into instants with the DST rules this gate promises, instead of whatever a library
 * happens to do:
 * <ul>
 * <li>a local time inside a spring-forward gap does not exist; it maps to the first valid instant after the gap
 * (the transition itself), so a window starting at 02:30 on the DST day still applies, from 03:00;</li>
 * <li>a window <em>start</em> in a fall-back overlap takes the first occurrence (the earlier offset);</li>
 * <li>a window <em>end</em> given as a wall-clock time in an overlap takes the second occurrence, so a wall-clock
 * window never ends before its local end time has passed for good.</li>
 * </ul>
 */
public final class WallClock {
    private WallClock() {}

    public static Instant start(LocalDateTime local, ZoneId zone) {
        return resolve(local, zone.getRules(), true);
    }

    public static Instant end(LocalDateTime local, ZoneId zone) {
        return resolve(local, zone.getRules(), false);
    }

    /** As {@link #start(LocalDateTime, ZoneId)}, for rules that have no zone ID (an iCalendar VTIMEZONE). */
    public static Instant start(LocalDateTime local, ZoneRules rules) {
        return resolve(local, rules, true);
    }

    public static Instant end(LocalDateTime local, ZoneRules rules) {
        return resolve(local, rules, false);
    }

    private static Instant resolve(LocalDateTime local, ZoneRules rules, boolean earlierInOverlap) {
        if (rules.isFixedOffset()) {
            return local.toInstant(rules.getOffset(Instant.EPOCH));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return local.toInstant(rules.getOffset(local)); // the usual case: exactly one valid offset
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        // Overlap: before the transition the earlier offset applies, after it the later one.
        return local.toInstant(earlierInOverlap ? transition.getOffsetBefore() : transition.getOffsetAfter());
    }
}
