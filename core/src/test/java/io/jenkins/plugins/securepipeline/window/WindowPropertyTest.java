package io.jenkins.plugins.securepipeline.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random calendars against a brute-force oracle written independently of the engine: it walks every minute, finds
 * window starts by testing every local minute against the generated fields, and resolves wall-clock times by
 * scanning real instants ("the first instant whose local time has reached L") instead of using zone-gap logic.
 * Seeded, so a failure is reproducible from the printed seed and case number.
 */
class WindowPropertyTest {
    private static final long SEED = 20261123L;
    private static final int CALENDARS = 150;
    private static final int INSTANTS_PER_CALENDAR = 6;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));
    /** Days around which DST changes happen in 2026 in those zones, so the oracle is exercised where it matters. */
    private static final List<String> INTERESTING_DAYS = List.of("2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04",
            "2026-10-25", "2026-11-01", "2026-06-15", "2026-12-31");

    private interface Window {
        boolean deny();

        String yaml();

        /** Every span overlapping [from, to), computed by brute force. */
        List<long[]> spans(Instant from, Instant to);
    }

    /** Local time of an instant, straight from the zone rules. */
    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** The first whole-minute instant whose wall-clock time has reached {@code target}. */
    private static Instant firstReaching(LocalDateTime target, ZoneId zone) {
        Instant guess = target.toInstant(java.time.ZoneOffset.UTC).minus(Duration.ofHours(15));
        for (int minute = 0; minute < 30 * 60; minute++) {
            Instant candidate = guess.plus(Duration.ofMinutes(minute));
            if (!local(candidate, zone).isBefore(target)) {
                return candidate;
            }
        }
        throw new AssertionError("no instant reaches " + target);
    }

    /** The instant after which the wall clock never again shows a time before {@code target}. */
    private static Instant lastReaching(LocalDateTime target, ZoneId zone) {
        Instant guess = target.toInstant(java.time.ZoneOffset.UTC).plus(Duration.ofHours(15));
        for (int minute = 0; minute < 30 * 60; minute++) {
            Instant candidate = guess.minus(Duration.ofMinutes(minute));
            if (local(candidate, zone).isBefore(target)) {
                return candidate.plus(Duration.ofMinutes(1));
            }
        }
        throw new AssertionError("no instant reaches " + target);
    }

    private record CronWindow(boolean deny, ZoneId zone, TreeSet<Integer> minutes, TreeSet<Integer> hours,
            TreeSet<Integer> weekdays, int durationMinutes) implements Window {
        @Override
        public String yaml() {
            return "{kind: " + (deny ? "deny" : "allow") + ", timeZone: " + zone + ", cron: \"" + list(minutes) + " "
                    + list(hours) + " * * " + list(weekdays) + "\", duration: " + durationMinutes + "m}";
        }

        private static String list(TreeSet<Integer> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }

        @Override
        public List<long[]> spans(Instant from, Instant to) {
            TreeSet<Instant> starts = new TreeSet<>();
            LocalDateTime localTime = local(from, zone).minusDays(3).truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime last = local(to, zone).plusDays(1);
            for (; localTime.isBefore(last); localTime = localTime.plusMinutes(1)) {
                if (minutes.contains(localTime.getMinute()) && hours.contains(localTime.getHour())
                        && weekdays.contains(localTime.getDayOfWeek().getValue() % 7)) {
                    starts.add(firstReaching(localTime, zone));
                }
            }
            List<long[]> spans = new ArrayList<>();
            for (Instant start : starts) {
                spans.add(new long[] {start.getEpochSecond(), start.getEpochSecond() + durationMinutes * 60L});
            }
            return spans;
        }
    }

    private record WeeklyWindow(boolean deny, ZoneId zone, DayOfWeek first, DayOfWeek last, LocalTime start, LocalTime end)
            implements Window {
        @Override
        public String yaml() {
            return "{kind: " + (deny ? "deny" : "allow") + ", timeZone: " + zone + ", weekly: \""
                    + first.name().substring(0, 3) + "-" + last.name().substring(0, 3) + " " + start + "-" + end + "\"}";
        }

        @Override
        public List<long[]> spans(Instant from, Instant to) {
            List<long[]> spans = new ArrayList<>();
            for (LocalDate day = local(from, zone).toLocalDate().minusDays(3); day.isBefore(local(to, zone).toLocalDate().plusDays(2));
                    day = day.plusDays(1)) {
                if (!inRange(day.getDayOfWeek())) {
                    continue;
                }
                Instant spanStart = firstReaching(day.atTime(start), zone);
                Instant spanEnd = lastReaching((end.isAfter(start) ? day : day.plusDays(1)).atTime(end), zone);
                if (spanEnd.isAfter(spanStart)) {
                    spans.add(new long[] {spanStart.getEpochSecond(), spanEnd.getEpochSecond()});
                }
            }
            return spans;
        }

        private boolean inRange(DayOfWeek day) {
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                if (d == day) {
                    return true;
                }
                if (d == last) {
                    return false;
                }
            }
        }
    }

    private record OneOffWindow(boolean deny, ZoneId zone, LocalDateTime from, LocalDateTime to) implements Window {
        @Override
        public String yaml() {
            return "{kind: " + (deny ? "deny" : "allow") + ", timeZone: " + zone + ", from: " + from + ", to: " + to + "}";
        }

        @Override
        public List<long[]> spans(Instant rangeFrom, Instant rangeTo) {
            return List.of(new long[] {firstReaching(from, zone).getEpochSecond(), lastReaching(to, zone).getEpochSecond()});
        }
    }

    private static TreeSet<Integer> someOf(Random random, int min, int max, int count) {
        TreeSet<Integer> values = new TreeSet<>();
        int wanted = 1 + random.nextInt(count);
        while (values.size() < wanted) {
            values.add(min + random.nextInt(max - min + 1));
        }
        return values;
    }

    private static Window randomWindow(Random random, LocalDate around) {
        boolean deny = random.nextInt(10) < 7;
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        switch (random.nextInt(3)) {
            case 0: {
                TreeSet<Integer> minutes = new TreeSet<>();
                int minuteCount = 1 + random.nextInt(2);
                while (minutes.size() < minuteCount) {
                    minutes.add(15 * random.nextInt(4) + (random.nextInt(4) == 0 ? 10 : 0));
                }
                // Hours near 0-3 hit the DST transitions of every zone under test.
                TreeSet<Integer> hours = random.nextBoolean() ? someOf(random, 0, 3, 3) : someOf(random, 0, 23, 3);
                TreeSet<Integer> weekdays = random.nextInt(3) == 0 ? someOf(random, 0, 6, 7) : new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6));
                int[] durations = {10, 15, 30, 60, 90, 180, 24 * 60, 26 * 60};
                return new CronWindow(deny, zone, minutes, hours, weekdays, durations[random.nextInt(durations.length)]);
            }
            case 1: {
                LocalTime start = LocalTime.of(random.nextBoolean() ? random.nextInt(4) : random.nextInt(24), 15 * random.nextInt(4));
                LocalTime end;
                do {
                    end = LocalTime.of(random.nextBoolean() ? random.nextInt(5) : random.nextInt(24), 15 * random.nextInt(4));
                } while (end.equals(start));
                return new WeeklyWindow(deny, zone, DayOfWeek.of(1 + random.nextInt(7)), DayOfWeek.of(1 + random.nextInt(7)), start, end);
            }
            default: {
                LocalDateTime from = around.atStartOfDay().plusMinutes(15L * random.nextInt(4 * 24 * 4)).minusDays(2);
                return new OneOffWindow(deny, zone, from, from.plusMinutes(120 + 15L * random.nextInt(4 * 48)));
            }
        }
    }

    @Test
    void decisionsAgreeWithAMinuteByMinuteOracle() {
        Random random = new Random(SEED);
        int checked = 0;
        for (int calendarIndex = 0; calendarIndex < CALENDARS; calendarIndex++) {
            LocalDate around = LocalDate.parse(INTERESTING_DAYS.get(random.nextInt(INTERESTING_DAYS.size())));
            List<Window> windows = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            StringBuilder yaml = new StringBuilder("windows:\n");
            for (int i = 0; i < count; i++) {
                Window window = randomWindow(random, around);
                windows.add(window);
                yaml.append("  - ").append(window.yaml().replace("{", "{name: w" + i + ", ")).append('\n');
            }
            BlackoutCalendar calendar = new CalendarLoader().parse(yaml.toString(), "random-" + calendarIndex, Path.of("."));

            Instant rangeStart = around.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(Duration.ofDays(2));
            int minutes = 11 * 24 * 60;
            Instant rangeEnd = rangeStart.plus(Duration.ofMinutes(minutes));
            int[] denyCount = new int[minutes];
            int[] allowCount = new int[minutes];
            boolean hasAllow = false;
            for (Window window : windows) {
                hasAllow |= !window.deny();
                for (long[] span : window.spans(rangeStart, rangeEnd)) {
                    for (long second = span[0]; second < span[1]; second += 60) {
                        long index = (second - rangeStart.getEpochSecond()) / 60;
                        if (index >= 0 && index < minutes) {
                            (window.deny() ? denyCount : allowCount)[(int) index]++;
                        }
                    }
                }
            }
            boolean[] closed = new boolean[minutes];
            for (int i = 0; i < minutes; i++) {
                closed[i] = denyCount[i] > 0 || hasAllow && allowCount[i] == 0;
            }

            for (int sample = 0; sample < INSTANTS_PER_CALENDAR; sample++) {
                int index = 2 * 24 * 60 + random.nextInt(2 * 24 * 60);
                Instant at = rangeStart.plus(Duration.ofMinutes(index)).plusSeconds(random.nextInt(3) == 0 ? random.nextInt(60) : 0);
                String context = "seed " + SEED + " calendar " + calendarIndex + " at " + at + "\n" + yaml;
                WindowDecision decision = calendar.decide(at);
                assertThat(decision.state()).as(context).isEqualTo(closed[index] ? GateState.CLOSED : GateState.OPEN);

                int openIndex = index;
                while (openIndex < minutes && closed[openIndex]) {
                    openIndex++;
                }
                if (closed[index]) {
                    if (openIndex < minutes) {
                        assertThat(decision.closedUntil()).as("closedUntil, " + context)
                                .isEqualTo(rangeStart.plus(Duration.ofMinutes(openIndex)));
                    } else {
                        assertThat(decision.closedUntil() == null || !decision.closedUntil().isBefore(rangeEnd))
                                .as("closedUntil beyond the oracle's range, " + context).isTrue();
                    }
                } else {
                    assertThat(decision.closedUntil()).as(context).isNull();
                }
                if (openIndex < minutes) {
                    int closeIndex = openIndex + 1;
                    while (closeIndex < minutes && !closed[closeIndex]) {
                        closeIndex++;
                    }
                    if (closeIndex < minutes) {
                        assertThat(decision.nextClosure()).as("nextClosure, " + context)
                                .isEqualTo(rangeStart.plus(Duration.ofMinutes(closeIndex)));
                    }
                }
                checked++;
            }

            // The closed periods of a listing are the oracle's closed runs, clipped to the period.
            int listFrom = 2 * 24 * 60 + random.nextInt(24 * 60);
            int listTo = listFrom + 1 + random.nextInt(3 * 24 * 60);
            List<TimeSpan> expected = new ArrayList<>();
            for (int i = listFrom; i < listTo; i++) {
                if (closed[i] && (i == listFrom || !closed[i - 1])) {
                    int end = i;
                    while (end < listTo && closed[end]) {
                        end++;
                    }
                    expected.add(new TimeSpan(rangeStart.plus(Duration.ofMinutes(i)), rangeStart.plus(Duration.ofMinutes(end))));
                }
            }
            assertThat(calendar.closedPeriods(rangeStart.plus(Duration.ofMinutes(listFrom)), rangeStart.plus(Duration.ofMinutes(listTo))))
                    .as("closedPeriods, seed " + SEED + " calendar " + calendarIndex + "\n" + yaml).isEqualTo(expected);
        }
        assertThat(checked).isEqualTo(CALENDARS * INSTANTS_PER_CALENDAR);
    }
}
