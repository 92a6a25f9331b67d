package io.jenkins.plugins.securepipeline.window.ical;

import io.jenkins.plugins.securepipeline.window.TimeSpan;
import io.jenkins.plugins.securepipeline.window.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an iCalendar document into the spans of its events within {@code [from, to)}: VEVENT with DTSTART and
 * DTEND or DURATION (DATE and DATE-TIME, UTC, TZID, floating), RRULE, RDATE (dates, date-times, periods), EXDATE,
 * RECURRENCE-ID overrides and cancelled events. Recurrence instances whose wall-clock start does not exist (a DST
 * gap) are kept and moved to the end of the gap, unlike RFC 5545's "ignore": for a freeze, skipping would fail open.
 * Everything is bounded: events, instances per event and in total.
 */
public final class IcsCalendarImport {
    public static final int MAX_BYTES = 2 << 20;
    static final int MAX_EVENTS = 10_000;
    static final int MAX_INSTANCES_PER_EVENT = 100_000;
    static final int MAX_INSTANCES = 200_000;
    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d{1,5})W)?(?:(\\d{1,5})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,7})M)?(?:(\\d{1,9})S)?)?");

    private final String source;
    private final ZoneId floatingZone;
    private final Instant from;
    private final Instant to;
    private final IcsReader reader;
    private int instances;

    private IcsCalendarImport(String source, ZoneId floatingZone, Instant from, Instant to) {
        this.source = source;
        this.floatingZone = floatingZone;
        this.from = from;
        this.to = to;
        this.reader = new IcsReader(source);
    }

    /**
     * @param source a name for messages (file name or URL)
     * @param floatingZone the zone for floating times and all-day dates, or null if there is none (then such
     *     values are an error)
     * @throws IcsException naming the source and line of the first problem
     */
    public static List<TimeSpan> spans(String text, String source, ZoneId floatingZone, Instant from, Instant to) {
        if (text.length() > MAX_BYTES) {
            throw new IcsException(source + ": larger than " + MAX_BYTES + " characters");
        }
        return new IcsCalendarImport(source, floatingZone, from, to).read(text);
    }

    private List<TimeSpan> read(String text) {
        IcsComponent calendar = reader.read(text);
        IcsTimeZones zones = new IcsTimeZones(calendar, reader);
        List<IcsComponent> events = calendar.children("VEVENT");
        if (events.size() > MAX_EVENTS) {
            throw reader.error(calendar.line, "more than " + MAX_EVENTS + " events");
        }
        // Overrides (RECURRENCE-ID) replace one instance of the event with the same UID.
        Map<String, List<Instant>> overridden = new HashMap<>();
        for (IcsComponent event : events) {
            ContentLine recurrenceId = event.first("RECURRENCE-ID");
            ContentLine uid = event.first("UID");
            if (recurrenceId != null && uid != null) {
                IcsTime time = time(recurrenceId, zones, event);
                overridden.computeIfAbsent(uid.value(), k -> new ArrayList<>()).add(WallClock.start(time.local(), rules(time, recurrenceId)));
            }
        }
        List<TimeSpan> spans = new ArrayList<>();
        for (IcsComponent event : events) {
            ContentLine status = event.first("STATUS");
            if (status != null && status.value().trim().equalsIgnoreCase("CANCELLED")) {
                continue;
            }
            ContentLine uid = event.first("UID");
            List<Instant> excluded = event.first("RECURRENCE-ID") == null && uid != null
                    ? overridden.getOrDefault(uid.value(), List.of()) : List.of();
            addEvent(event, zones, excluded, spans);
        }
        return spans;
    }

    private void addEvent(IcsComponent event, IcsTimeZones zones, List<Instant> overriddenStarts, List<TimeSpan> spans) {
        ContentLine startLine = event.first("DTSTART");
        if (startLine == null) {
            throw error(event, event.line, "has no DTSTART");
        }
        IcsTime start = time(startLine, zones, event);
        ZoneRules rules = rules(start, startLine);
        Instant firstStart = WallClock.start(start.local(), rules);
        EventLength length = length(event, zones, start, rules, firstStart);

        List<LocalDateTime> starts = new ArrayList<>();
        ContentLine ruleLine = event.first("RRULE");
        if (ruleLine != null) {
            try {
                RecurrenceRule rule = RecurrenceRule.parse(ruleLine.value());
                LocalDateTime until = rule.until == null ? null : untilLocal(rule.until, start, rules);
                LocalDateTime stopAfter = LocalDateTime.ofInstant(to, rules.getOffset(to)).plusDays(2);
                starts.addAll(rule.expand(start.local(), until, stopAfter, MAX_INSTANCES_PER_EVENT));
            } catch (IllegalArgumentException e) {
                throw error(event, ruleLine.line(), e.getMessage());
            }
        } else {
            starts.add(start.local());
        }
        List<TimeSpan> eventSpans = new ArrayList<>();
        for (LocalDateTime local : starts) {
            addIfNotEmpty(eventSpans, length.span(local, rules));
        }
        for (ContentLine rdate : event.all("RDATE")) {
            for (String value : rdate.value().split(",")) {
                addIfNotEmpty(eventSpans, rdate(rdate, value, zones, event, length));
            }
        }
        for (ContentLine exdate : event.all("EXDATE")) {
            for (String value : exdate.value().split(",")) {
                IcsTime excluded = time(new ContentLine("EXDATE", exdate.parameters(), value, exdate.line()), zones, event);
                if (excluded.dateOnly()) {
                    ZoneRules exRules = rules(excluded, exdate);
                    eventSpans.removeIf(span -> LocalDateTime.ofInstant(span.start(), exRules.getOffset(span.start()))
                            .toLocalDate().equals(excluded.local().toLocalDate()));
                } else {
                    Instant excludedStart = WallClock.start(excluded.local(), rules(excluded, exdate));
                    eventSpans.removeIf(span -> span.start().equals(excludedStart));
                }
            }
        }
        eventSpans.removeIf(span -> overriddenStarts.contains(span.start()));
        for (TimeSpan span : eventSpans) {
            if (++instances > MAX_INSTANCES) {
                throw reader.error(event.line, "more than " + MAX_INSTANCES + " event instances in total");
            }
            if (span.end().isAfter(from) && span.start().isBefore(to)) {
                spans.add(span);
            }
        }
    }

    /** Zero-length instances (an end equal to the start, or a range wholly inside a DST gap) cover no time. */
    private static void addIfNotEmpty(List<TimeSpan> spans, TimeSpan span) {
        if (span != null) {
            spans.add(span);
        }
    }

    /** How long each instance lasts: elapsed time for DATE-TIME with DTEND, nominal days plus exact time otherwise. */
    private record EventLength(long nominalDays, Duration exact) {
        TimeSpan span(LocalDateTime start, ZoneRules rules) {
            Instant startInstant = WallClock.start(start, rules);
            Instant end = (nominalDays == 0 ? startInstant : WallClock.end(start.plusDays(nominalDays), rules)).plus(exact);
            return end.isAfter(startInstant) ? new TimeSpan(startInstant, end) : null;
        }
    }

    private EventLength length(IcsComponent event, IcsTimeZones zones, IcsTime start, ZoneRules rules, Instant firstStart) {
        ContentLine endLine = event.first("DTEND");
        ContentLine durationLine = event.first("DURATION");
        if (endLine != null && durationLine != null) {
            throw error(event, durationLine.line(), "has both DTEND and DURATION");
        }
        if (endLine != null) {
            IcsTime end = time(endLine, zones, event);
            if (start.dateOnly() != end.dateOnly()) {
                throw error(event, endLine.line(), "DTEND is a " + (end.dateOnly() ? "DATE" : "DATE-TIME") + " but DTSTART is not");
            }
            if (start.dateOnly()) {
                long days = java.time.temporal.ChronoUnit.DAYS.between(start.local().toLocalDate(), end.local().toLocalDate());
                if (days <= 0) {
                    throw error(event, endLine.line(), "DTEND is not after DTSTART");
                }
                return new EventLength(days, Duration.ZERO);
            }
            Duration elapsed = Duration.between(firstStart, WallClock.end(end.local(), rules(end, endLine)));
            if (elapsed.isNegative()) {
                throw error(event, endLine.line(), "DTEND is before DTSTART");
            }
            return new EventLength(0, elapsed);
        }
        if (durationLine != null) {
            Matcher matcher = DURATION.matcher(durationLine.value().trim().toUpperCase(Locale.ROOT));
            if (!matcher.matches() || "-".equals(matcher.group(1)) || durationLine.value().trim().equalsIgnoreCase("P")) {
                throw error(event, durationLine.line(), "DURATION '" + durationLine.value() + "' is not a positive duration such as PT1H or P1D");
            }
            long days = 7 * number(matcher.group(2)) + number(matcher.group(3));
            Duration exact = Duration.ofHours(number(matcher.group(4))).plusMinutes(number(matcher.group(5))).plusSeconds(number(matcher.group(6)));
            return new EventLength(days, exact);
        }
        if (start.dateOnly()) {
            return new EventLength(1, Duration.ZERO); // an all-day event without an end lasts that day
        }
        throw error(event, event.line, "has neither DTEND nor DURATION, so it covers no time");
    }

    private TimeSpan rdate(ContentLine rdate, String value, IcsTimeZones zones, IcsComponent event, EventLength length) {
        if ("PERIOD".equalsIgnoreCase(rdate.parameter("VALUE"))) {
            int slash = value.indexOf('/');
            if (slash < 0) {
                throw error(event, rdate.line(), "RDATE period '" + value + "' has no '/'");
            }
            IcsTime periodStart = time(new ContentLine("RDATE", rdate.parameters(), value.substring(0, slash), rdate.line()), zones, event);
            ZoneRules rules = rules(periodStart, rdate);
            String rest = value.substring(slash + 1);
            if (rest.startsWith("P")) {
                Matcher matcher = DURATION.matcher(rest);
                if (!matcher.matches()) {
                    throw error(event, rdate.line(), "RDATE period duration '" + rest + "' is not valid");
                }
                return new EventLength(7 * number(matcher.group(2)) + number(matcher.group(3)), Duration.ofHours(number(matcher.group(4)))
                        .plusMinutes(number(matcher.group(5))).plusSeconds(number(matcher.group(6)))).span(periodStart.local(), rules);
            }
            IcsTime periodEnd = time(new ContentLine("RDATE", rdate.parameters(), rest, rdate.line()), zones, event);
            Instant startInstant = WallClock.start(periodStart.local(), rules);
            Instant endInstant = WallClock.end(periodEnd.local(), rules(periodEnd, rdate));
            return endInstant.isAfter(startInstant) ? new TimeSpan(startInstant, endInstant) : null;
        }
        IcsTime time = time(new ContentLine("RDATE", rdate.parameters(), value, rdate.line()), zones, event);
        return length.span(time.local(), rules(time, rdate));
    }

    private LocalDateTime untilLocal(String until, IcsTime start, ZoneRules rules) {
        IcsTime time = IcsTime.parse(until, null, false);
        if (time.dateOnly()) {
            return time.local().toLocalDate().atTime(23, 59, 59);
        }
        if (time.rules() != null) { // UTC
            Instant instant = time.local().toInstant(ZoneOffset.UTC);
            return LocalDateTime.ofInstant(instant, rules.getOffset(instant));
        }
        return time.local();
    }

    private IcsTime time(ContentLine line, IcsTimeZones zones, IcsComponent event) {
        try {
            return IcsTime.parse(line.value(), zones.rulesFor(line), "DATE".equalsIgnoreCase(line.parameter("VALUE")));
        } catch (IllegalArgumentException e) {
            throw error(event, line.line(), line.name() + " " + e.getMessage());
        }
    }

    /** The rules a value is in; floating values and dates take the window's zone, which must then exist. */
    private ZoneRules rules(IcsTime time, ContentLine line) {
        if (time.rules() != null) {
            return time.rules();
        }
        if (floatingZone == null) {
            throw reader.error(line.line(), line.name() + " is a floating " + (time.dateOnly() ? "date" : "time")
                    + " (no TZID, no Z); set timeZone on the window or the calendar to say where it applies");
        }
        return floatingZone.getRules();
    }

    private IcsException error(IcsComponent event, int line, String message) {
        ContentLine summary = event.first("SUMMARY");
        ContentLine uid = event.first("UID");
        String name = summary != null ? summary.value() : uid != null ? uid.value() : "at line " + event.line;
        return reader.error(line, "event '" + name + "' " + message);
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
