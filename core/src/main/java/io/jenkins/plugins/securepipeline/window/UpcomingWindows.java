package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The windows of a period and the resulting closed periods, with a plain-text timeline meant to be read at a
 * glance: one line per day, one mark per half hour ({@code #} closed for at least part of it, {@code .} open),
 * followed by the window occurrences that start that day.
 */
public record UpcomingWindows(Instant from, Instant to, ZoneId zone, List<Occurrence> occurrences, List<TimeSpan> closedPeriods) {
    /** The longest period a listing covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(400);
    private static final int CELLS_PER_DAY = 48;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    public UpcomingWindows {
        Objects.requireNonNull(zone);
        occurrences = List.copyOf(occurrences);
        closedPeriods = List.copyOf(closedPeriods);
    }

    /**
     * Lists {@code [from, from + period)} of a calendar, shown in the calendar's zone.
     *
     * @throws IllegalArgumentException when the period is not positive or longer than {@link #MAX_PERIOD}
     * @throws WindowUnavailableException when a window cannot be evaluated
     */
    public static UpcomingWindows of(BlackoutCalendar calendar, Instant from, Duration period) {
        if (period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("the listed period must be positive and at most " + MAX_PERIOD.toDays() + " days");
        }
        Instant to = from.plus(period);
        List<Occurrence> occurrences = calendar.occurrences(from, to);
        return new UpcomingWindows(from, to, calendar.zone(), occurrences, calendar.closedPeriods(occurrences, from, to));
    }

    /** The timeline as text lines. */
    public String timeline() {
        StringBuilder text = new StringBuilder();
        text.append("Windows from ").append(FULL.format(from.atZone(zone))).append(" to ").append(FULL.format(to.atZone(zone)))
                .append(" (").append(zone.getId()).append(")\n");
        text.append("# closed  . open  one mark = 30 min\n");
        text.append(" ".repeat(16)).append("00    03    06    09    12    15    18    21\n");
        LocalDate lastDay = to.minusNanos(1).atZone(zone).toLocalDate();
        int next = 0;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            text.append(DAY.format(day)).append("  ").append(bar(day)).append('\n');
            while (next < occurrences.size() && !occurrences.get(next).start().atZone(zone).toLocalDate().isAfter(day)) {
                text.append(line(occurrences.get(next++), day)).append('\n');
            }
        }
        if (occurrences.isEmpty()) {
            text.append("no windows in this period\n");
        }
        return text.toString();
    }

    private String bar(LocalDate day) {
        StringBuilder bar = new StringBuilder(CELLS_PER_DAY);
        java.time.LocalDateTime midnight = day.atStartOfDay();
        // Cells are wall-clock half hours; on a DST day some are empty (gap, shown '-') or cover an hour (overlap).
        Instant cellStart = WallClock.start(midnight, zone);
        for (int cell = 0; cell < CELLS_PER_DAY; cell++) {
            Instant cellEnd = WallClock.start(midnight.plusMinutes(30L * (cell + 1)), zone);
            if (!cellEnd.isAfter(from) || !cellStart.isBefore(to)) {
                bar.append(' ');
            } else if (!cellEnd.isAfter(cellStart)) {
                bar.append('-');
            } else {
                bar.append(closedDuring(cellStart, cellEnd) ? '#' : '.');
            }
            cellStart = cellEnd;
        }
        return bar.toString();
    }

    /** Closed periods are sorted and disjoint: binary-search the first that ends after start. */
    private boolean closedDuring(Instant start, Instant end) {
        int low = 0;
        int high = closedPeriods.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (closedPeriods.get(mid).end().isAfter(start)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low < closedPeriods.size() && closedPeriods.get(low).start().isBefore(end);
    }

    private String line(Occurrence occurrence, LocalDate day) {
        // Formatted by hand: a year of a large calendar is tens of thousands of lines.
        java.time.LocalDateTime start = java.time.LocalDateTime.ofInstant(occurrence.start(), zone);
        java.time.LocalDateTime end = java.time.LocalDateTime.ofInstant(occurrence.end(), zone);
        StringBuilder line = new StringBuilder(64).append("      ");
        if (!start.toLocalDate().equals(day)) {
            appendDay(line, start.toLocalDate());
        }
        // Across a DST change the wall-clock times alone are ambiguous (02:30 - 02:30): then show the offsets.
        java.time.ZoneOffset startOffset = zone.getRules().getOffset(occurrence.start());
        java.time.ZoneOffset endOffset = zone.getRules().getOffset(occurrence.end());
        boolean showOffsets = !startOffset.equals(endOffset);
        appendTime(line, start);
        if (showOffsets) {
            line.append(startOffset.getId());
        }
        line.append(" - ");
        int endStart = line.length();
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            appendDay(line, end.toLocalDate());
        }
        appendTime(line, end);
        if (showOffsets) {
            line.append(endOffset.getId());
        }
        pad(line, 16 - (line.length() - endStart));
        pad(line.append(occurrence.kind().label()), 6 - occurrence.kind().label().length());
        return line.append(occurrence.window()).toString();
    }

    /** {@code Mon 01-04 } */
    private static void appendDay(StringBuilder line, LocalDate date) {
        String name = date.getDayOfWeek().name();
        line.append(name.charAt(0)).append(Character.toLowerCase(name.charAt(1))).append(Character.toLowerCase(name.charAt(2)))
                .append(' ');
        twoDigits(line, date.getMonthValue()).append('-');
        twoDigits(line, date.getDayOfMonth()).append(' ');
    }

    private static StringBuilder appendTime(StringBuilder line, java.time.LocalDateTime time) {
        twoDigits(line, time.getHour()).append(':');
        return twoDigits(line, time.getMinute());
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void pad(StringBuilder text, int spaces) {
        for (int i = 0; i < Math.max(1, spaces); i++) {
            text.append(' ');
        }
    }
}
