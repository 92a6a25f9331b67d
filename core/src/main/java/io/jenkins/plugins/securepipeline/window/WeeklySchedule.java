package io.jenkins.plugins.securepipeline.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A weekly wall-clock range such as {@code Mon-Fri 09:00-10:00} (Spinnaker/GitLab style). The days name the day the
 * window starts; an end at or before the start crosses midnight ({@code Fri 22:00-02:00} ends Saturday 02:00), and
 * {@code 24:00} means the following midnight. Both ends are wall-clock times: start resolved by
 * {@link WallClock#start}, end by {@link WallClock#end}. A range that lies wholly inside a spring-forward gap does
 * not happen that day, because none of its local times exist.
 */
public final class WeeklySchedule implements WindowSchedule {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z,\\-\\s]+?)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final boolean endsNextDay;
    private final ZoneId zone;
    private final String text;

    private WeeklySchedule(String text, Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean endsNextDay, ZoneId zone) {
        this.text = text;
        this.days = days;
        this.start = start;
        this.end = end;
        this.endsNextDay = endsNextDay;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException saying what was expected */
    public static WeeklySchedule parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone);
        Matcher matcher = FORM.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a weekly range; expected e.g. \"Mon-Fri 09:00-10:00\"");
        }
        Set<DayOfWeek> days = days(matcher.group(1));
        int[] startTime = time(matcher.group(2), false);
        int[] endTime = time(matcher.group(3), true);
        LocalTime start = LocalTime.of(startTime[0], startTime[1]);
        boolean endIsMidnight = endTime[0] == 24;
        LocalTime end = endIsMidnight ? LocalTime.MIDNIGHT : LocalTime.of(endTime[0], endTime[1]);
        boolean endsNextDay = endIsMidnight || !end.isAfter(start);
        if (endsNextDay && end.equals(start) && !endIsMidnight) {
            throw new IllegalArgumentException("\"" + text + "\" starts and ends at " + start
                    + "; write 00:00-24:00 for a whole day");
        }
        return new WeeklySchedule(text.trim(), days, start, end, endsNextDay, zone);
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.replace(" ", "").split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                days.add(day(part));
            } else {
                DayOfWeek first = day(part.substring(0, dash));
                DayOfWeek last = day(part.substring(dash + 1));
                for (DayOfWeek day = first; ; day = day.plus(1)) { // wraps: Fri-Mon is Fri, Sat, Sun, Mon
                    days.add(day);
                    if (day == last) {
                        break;
                    }
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a day of the week; expected Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    private static int[] time(String text, boolean allow24) {
        Matcher matcher = TIME.matcher(text);
        matcher.matches();
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        boolean valid = hour <= 23 && minute <= 59 || allow24 && hour == 24 && minute == 0;
        if (!valid) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day (00:00-23:59" + (allow24 ? ", or 24:00" : "") + ")");
        }
        return new int[] {hour, minute};
    }

    @Override
    public Iterator<TimeSpan> spansEndingAfter(Instant from) {
        // Spans last at most a day (plus a DST hour); start two days back to catch one still running.
        LocalDate firstDay = from.atZone(zone).toLocalDate().minusDays(2);
        return new SpanIterator() {
            private LocalDate day = firstDay;

            @Override
            protected TimeSpan computeNext() {
                while (true) {
                    LocalDate current = day;
                    day = day.plusDays(1);
                    if (!days.contains(current.getDayOfWeek())) {
                        continue;
                    }
                    Instant spanStart = WallClock.start(current.atTime(start), zone);
                    Instant spanEnd = WallClock.end((endsNextDay ? current.plusDays(1) : current).atTime(end), zone);
                    if (spanEnd.isAfter(spanStart) && spanEnd.isAfter(from)) {
                        return new TimeSpan(spanStart, spanEnd);
                    }
                }
            }
        };
    }

    @Override
    public String describe() {
        return "weekly \"" + text + "\" (" + zone.getId() + ")";
    }

    @Override
    public String toString() {
        return days.stream().map(DayOfWeek::name).collect(Collectors.joining(",")) + " " + start + "-" + end;
    }
}
