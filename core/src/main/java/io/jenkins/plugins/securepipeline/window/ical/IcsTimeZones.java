package io.jenkins.plugins.securepipeline.window.ical;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a TZID to zone rules: an IANA name uses the JDK's current rules (more accurate than offsets frozen into an
 * exported file); any other name must be defined by a VTIMEZONE in the same document, whose observances
 * (STANDARD/DAYLIGHT with DTSTART, TZOFFSETFROM, TZOFFSETTO, RRULE or RDATE) are turned into transitions.
 * Anything else is an error, never a silent UTC.
 */
final class IcsTimeZones {
    /** VTIMEZONE yearly rules are expanded into explicit transitions up to this year. */
    private static final int LAST_YEAR = 2200;

    private final Map<String, IcsComponent> definitions = new HashMap<>();
    private final Map<String, ZoneRules> resolved = new HashMap<>();
    private final IcsReader reader;

    IcsTimeZones(IcsComponent calendar, IcsReader reader) {
        this.reader = reader;
        for (IcsComponent timezone : calendar.children("VTIMEZONE")) {
            ContentLine tzid = timezone.first("TZID");
            if (tzid == null) {
                throw reader.error(timezone.line, "VTIMEZONE without TZID");
            }
            definitions.put(tzid.value(), timezone);
        }
    }

    /** Rules for the TZID parameter of a property, or null when it has none. */
    ZoneRules rulesFor(ContentLine property) {
        String tzid = property.parameter("TZID");
        if (tzid == null) {
            return null;
        }
        return resolved.computeIfAbsent(tzid, id -> resolve(id, property.line()));
    }

    private ZoneRules resolve(String tzid, int line) {
        String name = tzid.startsWith("/") ? tzid.substring(1) : tzid; // "/Europe/Amsterdam" is a common export style
        if (name.contains("/") || name.equals("UTC")) {
            try {
                return ZoneId.of(name).getRules();
            } catch (DateTimeException e) {
                // not an IANA name: fall through to the document's own VTIMEZONE
            }
        }
        IcsComponent definition = definitions.get(tzid);
        if (definition == null) {
            throw reader.error(line, "TZID '" + tzid + "' is neither an IANA time zone nor defined by a VTIMEZONE in this file");
        }
        return fromDefinition(tzid, definition);
    }

    private ZoneRules fromDefinition(String tzid, IcsComponent definition) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffset firstStandard = null;
        ZoneOffset earliestOffset = null;
        LocalDateTime earliestStart = null;
        List<IcsComponent> observances = new ArrayList<>(definition.children("STANDARD"));
        observances.addAll(definition.children("DAYLIGHT"));
        if (observances.isEmpty()) {
            throw reader.error(definition.line, "VTIMEZONE '" + tzid + "' has no STANDARD or DAYLIGHT observance");
        }
        for (IcsComponent observance : observances) {
            ZoneOffset from = offset(observance, "TZOFFSETFROM", tzid);
            ZoneOffset to = offset(observance, "TZOFFSETTO", tzid);
            ContentLine startLine = observance.first("DTSTART");
            if (startLine == null) {
                throw reader.error(observance.line, "VTIMEZONE '" + tzid + "' " + observance.name + " has no DTSTART");
            }
            LocalDateTime start = time(startLine, tzid).local();
            if (observance.name.equals("STANDARD") && firstStandard == null) {
                firstStandard = to;
            }
            if (earliestStart == null || start.isBefore(earliestStart)) {
                earliestStart = start;
                earliestOffset = from;
            }
            List<LocalDateTime> starts = new ArrayList<>();
            ContentLine rule = observance.first("RRULE");
            if (rule != null) {
                try {
                    RecurrenceRule recurrence = RecurrenceRule.parse(rule.value());
                    LocalDateTime until = null;
                    if (recurrence.until != null) {
                        // UNTIL in UTC (the usual form) becomes wall time in the offset in force before the change.
                        until = IcsTime.parse(recurrence.until, null, false).local();
                        if (recurrence.until.endsWith("Z")) {
                            until = until.plusSeconds(from.getTotalSeconds());
                        }
                    }
                    starts.addAll(recurrence.expand(start, until, LocalDateTime.of(LAST_YEAR, 1, 1, 0, 0), 10_000));
                } catch (IllegalArgumentException e) {
                    throw reader.error(rule.line(), "VTIMEZONE '" + tzid + "': " + e.getMessage());
                }
            } else {
                starts.add(start);
            }
            for (ContentLine rdate : observance.all("RDATE")) {
                for (String value : rdate.value().split(",")) {
                    starts.add(time(new ContentLine("RDATE", rdate.parameters(), value, rdate.line()), tzid).local());
                }
            }
            if (!from.equals(to)) {
                for (LocalDateTime transition : starts) {
                    transitions.add(ZoneOffsetTransition.of(transition, from, to));
                }
            }
        }
        transitions.sort(Comparator.comparing(ZoneOffsetTransition::getInstant));
        ZoneOffset standard = firstStandard != null ? firstStandard : earliestOffset;
        return ZoneRules.of(standard, earliestOffset, List.of(), transitions, List.of());
    }

    private ZoneOffset offset(IcsComponent observance, String property, String tzid) {
        ContentLine line = observance.first(property);
        if (line == null) {
            throw reader.error(observance.line, "VTIMEZONE '" + tzid + "' " + observance.name + " has no " + property);
        }
        String value = line.value().trim();
        if (!value.matches("[+-]\\d{4}(\\d{2})?")) {
            throw reader.error(line.line(), property + " '" + value + "' is not an offset such as +0100");
        }
        int sign = value.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(value.substring(1, 3));
        int minutes = Integer.parseInt(value.substring(3, 5));
        int seconds = value.length() == 7 ? Integer.parseInt(value.substring(5, 7)) : 0;
        try {
            return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
        } catch (DateTimeException e) {
            throw reader.error(line.line(), property + " '" + value + "' is out of range");
        }
    }

    private IcsTime time(ContentLine line, String tzid) {
        try {
            return IcsTime.parse(line.value(), null, false);
        } catch (IllegalArgumentException e) {
            throw reader.error(line.line(), "VTIMEZONE '" + tzid + "' " + line.name() + ": " + e.getMessage());
        }
    }
}
