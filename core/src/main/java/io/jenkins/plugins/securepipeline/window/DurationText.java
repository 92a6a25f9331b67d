package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in calendars and on the command line: ISO-8601 ({@code PT1H}, {@code P2D}) or
 * the short form ({@code 1h}, {@code 30m}, {@code 2d}, {@code 1h30m}, {@code 1w}). Days are 24 hours of elapsed
 * time, never calendar days, so a window's length does not change across DST.
 */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,5})w)?(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?");

    private DurationText() {}

    /** @throws IllegalArgumentException with a message saying what was expected */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty duration; expected e.g. 1h, 30m, 2d or PT1H");
        }
        Duration duration;
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT1H or P2D");
            }
        } else {
            Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; expected e.g. 1h, 30m, 2d, 1h30m or PT1H");
            }
            duration = Duration.ZERO;
            duration = duration.plusDays(7 * number(matcher.group(1)));
            duration = duration.plusDays(number(matcher.group(2)));
            duration = duration.plusHours(number(matcher.group(3)));
            duration = duration.plusMinutes(number(matcher.group(4)));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration '" + text + "' must be positive");
        }
        return duration;
    }

    /** The short form for display: {@code 1h30m}, {@code 2d}. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        StringBuilder text = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (rest > 0 || text.length() == 0) {
            text.append(rest).append('m');
        }
        return text.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
