package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Objects;

/**
 * A cron start plus an elapsed duration (Argo CD sync-window style). Starts are wall-clock times in the window's
 * zone resolved by {@link WallClock#start}: a start in a spring-forward gap moves to the end of the gap, a start in a
 * fall-back overlap happens once, at the first occurrence. The duration is elapsed time, so a 1h window that starts
 * just before a transition still lasts exactly one hour.
 */
public final class CronSchedule implements WindowSchedule {
    /** Crontab allows rare dates (29 Feb on a Monday); look this far ahead for the next matching day. */
    private static final int MAX_DAYS_AHEAD = 366 * 28 + 7;

    private final CronExpression cron;
    private final Duration duration;
    private final ZoneId zone;

    public CronSchedule(CronExpression cron, Duration duration, ZoneId zone) {
        this.cron = Objects.requireNonNull(cron);
        this.duration = Objects.requireNonNull(duration);
        this.zone = Objects.requireNonNull(zone);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    @Override
    public Iterator<TimeSpan> spansEndingAfter(Instant from) {
        // A span ending after `from` started after from - duration; a day of slack covers any zone offset change.
        LocalDate firstDay = from.minus(duration).atZone(zone).toLocalDate().minusDays(1);
        return new SpanIterator() {
            private LocalDate day = cron.nextMatchingDay(firstDay, MAX_DAYS_AHEAD);
            private int hourIndex;
            private int minuteIndex;
            private Instant lastStart;

            @Override
            protected TimeSpan computeNext() {
                while (day != null) {
                    int[] hours = cron.hours();
                    int[] minutes = cron.minutes();
                    if (hourIndex >= hours.length) {
                        day = cron.nextMatchingDay(day.plusDays(1), MAX_DAYS_AHEAD);
                        hourIndex = 0;
                        minuteIndex = 0;
                        continue;
                    }
                    LocalDateTime local = day.atTime(hours[hourIndex], minutes[minuteIndex]);
                    if (++minuteIndex >= minutes.length) {
                        minuteIndex = 0;
                        hourIndex++;
                    }
                    Instant start = WallClock.start(local, zone);
                    if (start.equals(lastStart)) {
                        continue; // several local starts inside one DST gap collapse into one
                    }
                    lastStart = start;
                    Instant end = start.plus(duration);
                    if (end.isAfter(from)) {
                        return new TimeSpan(start, end);
                    }
                }
                return null;
            }
        };
    }

    @Override
    public String describe() {
        return "cron \"" + cron + "\" for " + DurationText.format(duration) + " (" + zone.getId() + ")";
    }
}
