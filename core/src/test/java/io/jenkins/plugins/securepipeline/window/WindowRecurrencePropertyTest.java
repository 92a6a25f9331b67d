package io.jenkins.plugins.securepipeline.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.window.ical.IcsCalendarImport;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random RRULEs against an oracle that works the other way round from the expander: instead of generating each
 * period's dates, it walks every day and asks whether that day belongs to the rule (interval, BYxxx filters,
 * n-th weekday by counting, BYSETPOS over the day's whole period), then applies COUNT and UNTIL. Seeded.
 */
class WindowRecurrencePropertyTest {
    private static final long SEED = 5545L;
    private static final int RULES = 400;
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2034, 1, 1);
    private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private record Rule(String freq, int interval, Integer count, LocalDate until, TreeSet<Integer> months,
            List<Integer> monthDays, List<int[]> days, List<Integer> setPositions) {
        String text() {
            StringBuilder rule = new StringBuilder("FREQ=" + freq + ";INTERVAL=" + interval);
            if (count != null) {
                rule.append(";COUNT=").append(count);
            }
            if (until != null) {
                rule.append(";UNTIL=").append(until.format(DateTimeFormatter.BASIC_ISO_DATE));
            }
            if (!months.isEmpty()) {
                rule.append(";BYMONTH=").append(String.join(",", months.stream().map(String::valueOf).toList()));
            }
            if (!monthDays.isEmpty()) {
                rule.append(";BYMONTHDAY=").append(String.join(",", monthDays.stream().map(String::valueOf).toList()));
            }
            if (!days.isEmpty()) {
                rule.append(";BYDAY=").append(String.join(",", days.stream()
                        .map(day -> (day[0] == 0 ? "" : String.valueOf(day[0])) + DAY_CODES[day[1] - 1]).toList()));
            }
            if (!setPositions.isEmpty()) {
                rule.append(";BYSETPOS=").append(String.join(",", setPositions.stream().map(String::valueOf).toList()));
            }
            return rule.toString();
        }
    }

    private static Rule randomRule(Random random) {
        String freq = List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY").get(random.nextInt(4));
        int interval = 1 + random.nextInt(3);
        Integer count = random.nextInt(4) == 0 ? null : 1 + random.nextInt(40);
        LocalDate until = count == null ? FROM.plusDays(random.nextInt(1500)) : null;
        TreeSet<Integer> months = new TreeSet<>();
        boolean yearlyNeedsMonths = freq.equals("YEARLY") && random.nextBoolean();
        if (random.nextInt(4) == 0 || yearlyNeedsMonths) {
            int n = 1 + random.nextInt(3);
            while (months.size() < n) {
                months.add(1 + random.nextInt(12));
            }
        }
        List<Integer> monthDays = new ArrayList<>();
        List<int[]> days = new ArrayList<>();
        List<Integer> setPositions = new ArrayList<>();
        int style = random.nextInt(4);
        if (style == 1 && !freq.equals("WEEKLY")) {
            for (int i = 0; i <= random.nextInt(3); i++) {
                monthDays.add(random.nextBoolean() ? 1 + random.nextInt(31) : -1 - random.nextInt(5));
            }
        } else if (style == 2) {
            for (int i = 0; i <= random.nextInt(3); i++) {
                days.add(new int[] {0, 1 + random.nextInt(7)});
            }
            if (!freq.equals("DAILY") && random.nextBoolean()) {
                setPositions.add(random.nextBoolean() ? 1 + random.nextInt(3) : -1 - random.nextInt(3));
            }
        } else if (style == 3 && (freq.equals("MONTHLY") || freq.equals("YEARLY"))) {
            int maxOrdinal = freq.equals("YEARLY") && months.isEmpty() ? 20 : 5;
            for (int i = 0; i <= random.nextInt(2); i++) {
                int ordinal = 1 + random.nextInt(maxOrdinal);
                days.add(new int[] {random.nextBoolean() ? ordinal : -ordinal, 1 + random.nextInt(7)});
            }
        }
        return new Rule(freq, interval, count, until, months, monthDays, days, setPositions);
    }

    /** The oracle: every day from DTSTART on, tested for membership. */
    private static List<LocalDate> oracle(Rule rule, LocalDate start) {
        List<LocalDate> result = new ArrayList<>();
        result.add(start);
        for (LocalDate day = start.plusDays(1); day.isBefore(TO); day = day.plusDays(1)) {
            if (rule.until() != null && day.isAfter(rule.until())) {
                break;
            }
            if (rule.count() != null && result.size() >= rule.count()) {
                break;
            }
            if (inInterval(rule, start, day) && matches(rule, start, day) && selected(rule, start, day)) {
                result.add(day);
            }
        }
        return result;
    }

    private static boolean inInterval(Rule rule, LocalDate start, LocalDate day) {
        long periods = switch (rule.freq()) {
            case "DAILY" -> ChronoUnit.DAYS.between(start, day);
            case "WEEKLY" -> ChronoUnit.WEEKS.between(start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case "MONTHLY" -> (day.getYear() - start.getYear()) * 12L + day.getMonthValue() - start.getMonthValue();
            default -> day.getYear() - start.getYear();
        };
        return periods % rule.interval() == 0;
    }

    private static boolean matches(Rule rule, LocalDate start, LocalDate day) {
        if (!rule.months().isEmpty() && !rule.months().contains(day.getMonthValue())) {
            return false;
        }
        boolean weekdayListed = rule.days().stream().anyMatch(d -> d[1] == day.getDayOfWeek().getValue());
        boolean monthDayListed = rule.monthDays().stream().anyMatch(md ->
                (md > 0 ? md : day.lengthOfMonth() + md + 1) == day.getDayOfMonth());
        switch (rule.freq()) {
            case "DAILY":
                return (rule.monthDays().isEmpty() || monthDayListed) && (rule.days().isEmpty() || weekdayListed);
            case "WEEKLY":
                return rule.days().isEmpty() ? day.getDayOfWeek() == start.getDayOfWeek() : weekdayListed;
            default:
                if (!rule.monthDays().isEmpty()) {
                    return monthDayListed && (rule.days().isEmpty() || weekdayListed);
                }
                if (!rule.days().isEmpty()) {
                    boolean withinYear = rule.freq().equals("YEARLY") && rule.months().isEmpty();
                    return rule.days().stream().anyMatch(d -> d[1] == day.getDayOfWeek().getValue()
                            && (d[0] == 0 || nth(day, withinYear, d[0] > 0) == Math.abs(d[0])));
                }
                if (rule.freq().equals("MONTHLY")) {
                    return day.getDayOfMonth() == start.getDayOfMonth();
                }
                return day.getDayOfMonth() == start.getDayOfMonth()
                        && (rule.months().isEmpty() ? day.getMonth() == start.getMonth() : true);
        }
    }

    /** Which occurrence of its weekday this day is in its month (or year), counted from the start or the end. */
    private static int nth(LocalDate day, boolean withinYear, boolean fromStart) {
        int n = 0;
        if (fromStart) {
            for (LocalDate d = day; withinYear ? d.getYear() == day.getYear() : d.getMonth() == day.getMonth(); d = d.minusWeeks(1)) {
                n++;
            }
        } else {
            for (LocalDate d = day; withinYear ? d.getYear() == day.getYear() : d.getMonth() == day.getMonth(); d = d.plusWeeks(1)) {
                n++;
            }
        }
        return n;
    }

    /** BYSETPOS: the day's rank among all matching days of its period. */
    private static boolean selected(Rule rule, LocalDate start, LocalDate day) {
        if (rule.setPositions().isEmpty()) {
            return true;
        }
        LocalDate first;
        LocalDate end;
        switch (rule.freq()) {
            case "WEEKLY" -> {
                first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                end = first.plusWeeks(1);
            }
            case "MONTHLY" -> {
                first = day.withDayOfMonth(1);
                end = first.plusMonths(1);
            }
            default -> {
                first = day.withDayOfYear(1);
                end = first.plusYears(1);
            }
        }
        List<LocalDate> candidates = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            if (matches(rule, start, d)) {
                candidates.add(d);
            }
        }
        int index = candidates.indexOf(day);
        return rule.setPositions().stream().anyMatch(position ->
                position > 0 ? index == position - 1 : index == candidates.size() + position);
    }

    @Test
    void expandedRulesAgreeWithADayByDayOracle() {
        Random random = new Random(SEED);
        for (int i = 0; i < RULES; i++) {
            Rule rule = randomRule(random);
            LocalDate start = FROM.plusDays(random.nextInt(365));
            String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:r" + i + "\r\nDTSTART;VALUE=DATE:"
                    + start.format(DateTimeFormatter.BASIC_ISO_DATE) + "\r\nRRULE:" + rule.text() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            List<LocalDate> actual = IcsCalendarImport.spans(ics, "rule.ics", ZoneOffset.UTC, Instant.parse("2025-12-01T00:00:00Z"),
                            TO.atStartOfDay().toInstant(ZoneOffset.UTC)).stream()
                    .map(span -> LocalDate.ofInstant(span.start(), ZoneOffset.UTC)).sorted().toList();
            assertThat(actual).as("seed " + SEED + " rule " + i + ": DTSTART " + start + " RRULE:" + rule.text())
                    .isEqualTo(oracle(rule, start));
        }
    }
}
