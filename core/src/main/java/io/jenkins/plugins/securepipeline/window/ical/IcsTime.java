package io.jenkins.plugins.securepipeline.window.ical;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * A DATE or DATE-TIME value: UTC ({@code Z}), in a named zone ({@code TZID=}), or floating.
 *
 * @param rules the zone rules, or null for a floating time (resolved in the window's zone)
 */
record IcsTime(LocalDateTime local, boolean dateOnly, ZoneRules rules) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    /**
     * @param zoneRules rules for the TZID parameter, or null when there is none
     * @throws IllegalArgumentException when the text is not a DATE or DATE-TIME
     */
    static IcsTime parse(String text, ZoneRules zoneRules, boolean dateExpected) {
        String value = text.trim();
        try {
            if (value.length() == 8) {
                return new IcsTime(LocalDate.parse(value, DATE).atStartOfDay(), true, zoneRules);
            }
            if (dateExpected) {
                throw new IllegalArgumentException("'" + text + "' is not a DATE (VALUE=DATE, e.g. 20261224)");
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return new IcsTime(LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME), false, ZoneOffset.UTC.getRules());
            }
            return new IcsTime(LocalDateTime.parse(value, DATE_TIME), false, zoneRules);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an iCalendar DATE (20261224) or DATE-TIME (20261224T090000[Z])");
        }
    }
}
