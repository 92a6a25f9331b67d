package io.jenkins.plugins.securepipeline.window;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A standard 5-field cron expression (minute hour day-of-month month day-of-week) as Argo CD sync windows and
 * crontab use it: {@code *}, lists, ranges, steps ({@code *}{@code /15}, {@code 1-5/2}), month and weekday names,
 * 0 or 7 for Sunday, and the {@code @daily}-style shortcuts. When both day fields are restricted a day matches if
 * either matches (the crontab rule). Jenkins' {@code H} is refused: a hashed start makes a freeze unpredictable.
 */
public final class CronExpression {
    private static final Map<String, String> SHORTCUTS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final int[] minutes;
    private final int[] hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek; // 0 = Sunday
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) {
        this.text = text;
        this.minutes = minutes.stream().toArray();
        this.hours = hours.stream().toArray();
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.dayOfMonthRestricted = dayOfMonthRestricted;
        this.dayOfWeekRestricted = dayOfWeekRestricted;
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty cron expression; expected 5 fields, e.g. \"0 9 * * 1-5\"");
        }
        String expanded = SHORTCUTS.getOrDefault(text.trim().toLowerCase(Locale.ROOT), text.trim());
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression \"" + text + "\" has " + fields.length
                    + " fields; expected 5 (minute hour day-of-month month day-of-week)");
        }
        BitSet minutes = field(fields[0], "minute", 0, 59, List.of(), 0);
        BitSet hours = field(fields[1], "hour", 0, 23, List.of(), 0);
        BitSet daysOfMonth = field(fields[2], "day-of-month", 1, 31, List.of(), 0);
        BitSet months = field(fields[3], "month", 1, 12, MONTHS, 1);
        BitSet daysOfWeek = field(fields[4], "day-of-week", 0, 7, DAYS, 0);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
            daysOfWeek.clear(7);
        }
        CronExpression cron = new CronExpression(expanded, minutes, hours, daysOfMonth, months, daysOfWeek,
                !fields[2].startsWith("*"), !fields[4].startsWith("*"));
        if (cron.nextMatchingDay(LocalDate.of(2000, 1, 1), 366 * 8 + 2) == null) {
            throw new IllegalArgumentException("cron expression \"" + text + "\" never matches any day");
        }
        return cron;
    }

    private static BitSet field(String field, String name, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String upper = part.toUpperCase(Locale.ROOT);
            if (upper.isEmpty()) {
                throw new IllegalArgumentException(name + " field \"" + field + "\" has an empty list element");
            }
            if (upper.matches("H(\\(.*\\))?(/\\d+)?") || upper.contains("?") || upper.contains("#")
                    || upper.equals("L") || upper.matches("\\d*L?W")) {
                throw new IllegalArgumentException(name + " field \"" + field
                        + "\" uses a non-standard cron feature (H, ?, L, W, #); use plain numbers, ranges and steps");
            }
            int step = 1;
            String range = upper;
            int slash = upper.indexOf('/');
            if (slash >= 0) {
                range = upper.substring(0, slash);
                step = number(upper.substring(slash + 1), name, field, 1, max - min + 1, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max == 7 ? 6 : max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = number(range.substring(0, dash), name, field, min, max, names, nameBase);
                    to = number(range.substring(dash + 1), name, field, min, max, names, nameBase);
                    if (to < from) {
                        throw new IllegalArgumentException(name + " field \"" + field + "\": range " + range
                                + " runs backwards");
                    }
                } else {
                    from = number(range, name, field, min, max, names, nameBase);
                    to = slash >= 0 ? max : from;
                }
            }
            for (int value = from; value <= to; value += step) {
                bits.set(value);
            }
        }
        return bits;
    }

    private static int number(String token, String name, String field, int min, int max, List<String> names, int nameBase) {
        int index = names.indexOf(token);
        if (index >= 0) {
            return index + nameBase;
        }
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " field \"" + field + "\": \"" + token + "\" is not a number"
                    + (names.isEmpty() ? "" : " or a name (" + String.join(",", names) + ")"));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " field \"" + field + "\": " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    public boolean matchesDay(LocalDate date) {
        if (!months.get(date.getMonthValue())) {
            return false;
        }
        boolean domMatch = daysOfMonth.get(date.getDayOfMonth());
        boolean dowMatch = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return domMatch || dowMatch;
        }
        return domMatch && dowMatch;
    }

    /** The first day on or after {@code from} that matches, looking at most {@code maxDays} ahead; null if none. */
    public LocalDate nextMatchingDay(LocalDate from, int maxDays) {
        LocalDate limit = from.plusDays(maxDays);
        LocalDate date = from;
        while (date.isBefore(limit)) {
            if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1); // skip the whole month
                continue;
            }
            if (dayOfMonthRestricted && !dayOfWeekRestricted) {
                // Only the day of the month matters: jump straight to the next listed day, or to next month.
                int day = daysOfMonth.nextSetBit(date.getDayOfMonth());
                if (day > 0 && day <= date.lengthOfMonth()) {
                    LocalDate candidate = date.withDayOfMonth(day);
                    return candidate.isBefore(limit) ? candidate : null;
                }
                date = date.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            if (matchesDay(date)) {
                return date;
            }
            date = date.plusDays(1);
        }
        return null;
    }

    /** How many starts a matching day has. */
    int startsPerDay() {
        return hours.length * minutes.length;
    }

    /** Matching hours, ascending. */
    int[] hours() {
        return hours;
    }

    /** Matching minutes, ascending. */
    int[] minutes() {
        return minutes;
    }

    @Override
    public String toString() {
        return text;
    }
}
