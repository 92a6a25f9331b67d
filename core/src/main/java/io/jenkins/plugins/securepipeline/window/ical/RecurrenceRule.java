package io.jenkins.plugins.securepipeline.window.ical;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The RRULE subset this gate supports: FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with
 * ordinals such as {@code -1FR} for MONTHLY/YEARLY), BYMONTHDAY (negative counts from the month's end), BYMONTH,
 * BYSETPOS and WKST. Instances are wall-clock date-times keeping DTSTART's time of day; the caller resolves them in
 * the event's zone. Other parts (BYHOUR, BYWEEKNO, ...) are refused, not ignored: ignoring them would give wrong
 * windows.
 */
final class RecurrenceRule {
    enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    record WeekdayNumber(int ordinal, DayOfWeek day) {}

    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    private static final java.util.regex.Pattern WEEKDAY_NUMBER = java.util.regex.Pattern.compile("([+-]?\\d{1,2})?([A-Z]{2})");
    /** Periods without a single instance before giving up (a rule like "Feb 30th" never matches). */
    private static final int MAX_EMPTY_PERIODS = 5_000;

    final Frequency frequency;
    final int interval;
    final Integer count;
    final String until;
    private final List<WeekdayNumber> byDay;
    private final List<Integer> byMonthDay;
    private final TreeSet<Integer> byMonth;
    private final List<Integer> bySetPos;
    private final DayOfWeek weekStart;

    private RecurrenceRule(Frequency frequency, int interval, Integer count, String until, List<WeekdayNumber> byDay,
            List<Integer> byMonthDay, TreeSet<Integer> byMonth, List<Integer> bySetPos, DayOfWeek weekStart) {
        this.frequency = frequency;
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.byDay = byDay;
        this.byMonthDay = byMonthDay;
        this.byMonth = byMonth;
        this.bySetPos = bySetPos;
        this.weekStart = weekStart;
    }

    /** @throws IllegalArgumentException naming the rule part that is wrong or unsupported */
    static RecurrenceRule parse(String value) {
        Frequency frequency = null;
        int interval = 1;
        Integer count = null;
        String until = null;
        List<WeekdayNumber> byDay = new ArrayList<>();
        List<Integer> byMonthDay = new ArrayList<>();
        TreeSet<Integer> byMonth = new TreeSet<>();
        List<Integer> bySetPos = new ArrayList<>();
        DayOfWeek weekStart = DayOfWeek.MONDAY;
        for (String part : value.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("RRULE part '" + part + "' has no '='");
            }
            String key = part.substring(0, equals).toUpperCase(Locale.ROOT);
            String text = part.substring(equals + 1).toUpperCase(Locale.ROOT);
            switch (key) {
                case "FREQ" -> {
                    try {
                        frequency = Frequency.valueOf(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("RRULE FREQ=" + text + " is not supported (DAILY, WEEKLY, MONTHLY, YEARLY)");
                    }
                }
                case "INTERVAL" -> interval = number(key, text, 1, 10_000);
                case "COUNT" -> count = number(key, text, 1, 1_000_000);
                case "UNTIL" -> until = text;
                case "BYDAY" -> {
                    for (String day : text.split(",")) {
                        java.util.regex.Matcher matcher = WEEKDAY_NUMBER.matcher(day);
                        if (!matcher.matches() || !DAYS.containsKey(matcher.group(2))) {
                            throw new IllegalArgumentException("RRULE BYDAY value '" + day + "' is not a weekday such as MO, 2TU or -1FR");
                        }
                        int ordinal = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1).replace("+", ""));
                        if (ordinal < -53 || ordinal > 53) {
                            throw new IllegalArgumentException("RRULE BYDAY ordinal in '" + day + "' is outside -53..53");
                        }
                        byDay.add(new WeekdayNumber(ordinal, DAYS.get(matcher.group(2))));
                    }
                }
                case "BYMONTHDAY" -> {
                    for (String day : text.split(",")) {
                        int number = number(key, day.replace("+", ""), -31, 31);
                        if (number == 0) {
                            throw new IllegalArgumentException("RRULE BYMONTHDAY=0 is not a day");
                        }
                        byMonthDay.add(number);
                    }
                }
                case "BYMONTH" -> {
                    for (String month : text.split(",")) {
                        byMonth.add(number(key, month, 1, 12));
                    }
                }
                case "BYSETPOS" -> {
                    for (String position : text.split(",")) {
                        int number = number(key, position.replace("+", ""), -366, 366);
                        if (number == 0) {
                            throw new IllegalArgumentException("RRULE BYSETPOS=0 is not a position");
                        }
                        bySetPos.add(number);
                    }
                }
                case "WKST" -> {
                    if (!DAYS.containsKey(text)) {
                        throw new IllegalArgumentException("RRULE WKST=" + text + " is not a weekday");
                    }
                    weekStart = DAYS.get(text);
                }
                default -> throw new IllegalArgumentException("RRULE part " + key + " is not supported by this gate"
                        + " (supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST)");
            }
        }
        if (frequency == null) {
            throw new IllegalArgumentException("RRULE has no FREQ");
        }
        if (count != null && until != null) {
            throw new IllegalArgumentException("RRULE has both COUNT and UNTIL");
        }
        boolean ordinals = byDay.stream().anyMatch(day -> day.ordinal() != 0);
        if (ordinals && (frequency == Frequency.DAILY || frequency == Frequency.WEEKLY)) {
            throw new IllegalArgumentException("RRULE BYDAY ordinals (like -1FR) need FREQ=MONTHLY or YEARLY");
        }
        if (!byMonthDay.isEmpty() && frequency == Frequency.WEEKLY) {
            throw new IllegalArgumentException("RRULE BYMONTHDAY cannot be used with FREQ=WEEKLY");
        }
        return new RecurrenceRule(frequency, interval, count, until, List.copyOf(byDay), List.copyOf(byMonthDay), byMonth,
                List.copyOf(bySetPos), weekStart);
    }

    private static int number(String key, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("RRULE " + key + "=" + text + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RRULE " + key + "=" + text + " is not a number");
        }
    }

    /**
     * The instances in order, starting with DTSTART itself (which always counts as the first), until COUNT or
     * {@code untilLocal} ends the rule or an instance passes {@code stopAfter}.
     *
     * @throws IllegalArgumentException when more than {@code maxInstances} would be produced
     */
    List<LocalDateTime> expand(LocalDateTime start, LocalDateTime untilLocal, LocalDateTime stopAfter, int maxInstances) {
        List<LocalDateTime> instances = new ArrayList<>();
        instances.add(start);
        LocalDate anchor = firstAnchor(start.toLocalDate());
        int emptyPeriods = 0;
        while (true) {
            if (anchor.getYear() > 9999) {
                return instances;
            }
            List<LocalDate> dates = datesIn(anchor, start.toLocalDate());
            emptyPeriods = dates.isEmpty() ? emptyPeriods + 1 : 0;
            if (emptyPeriods > MAX_EMPTY_PERIODS) {
                return instances;
            }
            for (LocalDate date : dates) {
                LocalDateTime instance = date.atTime(start.toLocalTime());
                if (!instance.isAfter(start)) {
                    continue;
                }
                if (untilLocal != null && instance.isAfter(untilLocal) || count != null && instances.size() >= count) {
                    return instances;
                }
                if (instances.size() >= maxInstances) {
                    throw new IllegalArgumentException("expands to more than " + maxInstances + " instances");
                }
                instances.add(instance);
                if (instance.isAfter(stopAfter)) {
                    return instances;
                }
            }
            anchor = switch (frequency) {
                case DAILY -> anchor.plusDays(interval);
                case WEEKLY -> anchor.plusWeeks(interval);
                case MONTHLY -> anchor.plusMonths(interval);
                case YEARLY -> anchor.plusYears(interval);
            };
        }
    }

    private LocalDate firstAnchor(LocalDate start) {
        return switch (frequency) {
            case DAILY -> start;
            case WEEKLY -> start.with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTHLY -> start.withDayOfMonth(1);
            case YEARLY -> start.withDayOfYear(1);
        };
    }

    /** The sorted instance dates of one period (day, week, month or year starting at {@code anchor}). */
    private List<LocalDate> datesIn(LocalDate anchor, LocalDate start) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        switch (frequency) {
            case DAILY -> {
                if (monthAllowed(anchor) && monthDayAllowed(anchor) && weekdayAllowed(anchor)) {
                    dates.add(anchor);
                }
            }
            case WEEKLY -> {
                for (int i = 0; i < 7; i++) {
                    LocalDate day = anchor.plusDays(i);
                    boolean dayMatches = byDay.isEmpty() ? day.getDayOfWeek() == start.getDayOfWeek() : weekdayAllowed(day);
                    if (dayMatches && monthAllowed(day)) {
                        dates.add(day);
                    }
                }
            }
            case MONTHLY -> {
                if (monthAllowed(anchor)) {
                    addMonth(YearMonth.from(anchor), start, dates);
                }
            }
            case YEARLY -> {
                int year = anchor.getYear();
                if (!byDay.isEmpty() && byMonth.isEmpty() && byMonthDay.isEmpty()) {
                    // BYDAY alone in a yearly rule: ordinals count within the year (20MO = the 20th Monday).
                    addWeekdays(anchor, anchor.plusYears(1), dates);
                } else if (byDay.isEmpty() && byMonthDay.isEmpty()) {
                    for (int month : byMonth.isEmpty() ? List.of(start.getMonthValue()) : byMonth) {
                        YearMonth yearMonth = YearMonth.of(year, month);
                        if (start.getDayOfMonth() <= yearMonth.lengthOfMonth()) {
                            dates.add(yearMonth.atDay(start.getDayOfMonth()));
                        }
                    }
                } else {
                    for (int month = 1; month <= 12; month++) {
                        if (byMonth.isEmpty() || byMonth.contains(month)) {
                            addMonth(YearMonth.of(year, month), start, dates);
                        }
                    }
                }
            }
        }
        List<LocalDate> sorted = new ArrayList<>(dates);
        if (bySetPos.isEmpty()) {
            return sorted;
        }
        TreeSet<LocalDate> selected = new TreeSet<>();
        for (int position : bySetPos) {
            int index = position > 0 ? position - 1 : sorted.size() + position;
            if (index >= 0 && index < sorted.size()) {
                selected.add(sorted.get(index));
            }
        }
        return new ArrayList<>(selected);
    }

    private void addMonth(YearMonth month, LocalDate start, TreeSet<LocalDate> dates) {
        if (!byMonthDay.isEmpty()) {
            for (int day : byMonthDay) {
                int dayOfMonth = day > 0 ? day : month.lengthOfMonth() + day + 1;
                if (dayOfMonth >= 1 && dayOfMonth <= month.lengthOfMonth()) {
                    LocalDate date = month.atDay(dayOfMonth);
                    if (weekdayAllowed(date)) { // BYDAY limits BYMONTHDAY
                        dates.add(date);
                    }
                }
            }
        } else if (!byDay.isEmpty()) {
            addWeekdays(month.atDay(1), month.atEndOfMonth().plusDays(1), dates);
        } else if (start.getDayOfMonth() <= month.lengthOfMonth()) {
            dates.add(month.atDay(start.getDayOfMonth()));
        }
    }

    /** BYDAY expanded within [from, to): every such weekday, or the n-th (from the end when negative). */
    private void addWeekdays(LocalDate from, LocalDate to, TreeSet<LocalDate> dates) {
        for (WeekdayNumber weekday : byDay) {
            List<LocalDate> matching = new ArrayList<>();
            for (LocalDate day = from.with(TemporalAdjusters.nextOrSame(weekday.day())); day.isBefore(to); day = day.plusWeeks(1)) {
                matching.add(day);
            }
            if (weekday.ordinal() == 0) {
                dates.addAll(matching);
            } else {
                int index = weekday.ordinal() > 0 ? weekday.ordinal() - 1 : matching.size() + weekday.ordinal();
                if (index >= 0 && index < matching.size()) {
                    dates.add(matching.get(index));
                }
            }
        }
    }

    private boolean monthAllowed(LocalDate date) {
        return byMonth.isEmpty() || byMonth.contains(date.getMonthValue());
    }

    private boolean monthDayAllowed(LocalDate date) {
        if (byMonthDay.isEmpty()) {
            return true;
        }
        int length = date.lengthOfMonth();
        for (int day : byMonthDay) {
            if ((day > 0 ? day : length + day + 1) == date.getDayOfMonth()) {
                return true;
            }
        }
        return false;
    }

    private boolean weekdayAllowed(LocalDate date) {
        return byDay.isEmpty() || byDay.stream().anyMatch(day -> day.day() == date.getDayOfWeek());
    }
}
