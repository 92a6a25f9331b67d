package io.jenkins.plugins.securepipeline.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next days of one calendar as rows of bars: each day of the calendar's own zone is a row, closed periods
 * are blocks positioned by their share of that day (a DST day is 23 or 25 hours, and the blocks follow). Built
 * for people to read at a glance, unlike a cron string.
 */
public final class FreezeTimeline {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final String name;
    private final String zone;
    private final String problem;
    private final List<Day> days;

    private FreezeTimeline(String name, String zone, String problem, List<Day> days) {
        this.name = name;
        this.zone = zone;
        this.problem = problem;
        this.days = days;
    }

    public static FreezeTimeline unreadable(String name, String problem) {
        return new FreezeTimeline(name, "", problem, List.of());
    }

    public static FreezeTimeline of(String name, BlackoutCalendar calendar, Instant from, int dayCount) {
        ZoneId zone = calendar.zone();
        LocalDate first = from.atZone(zone).toLocalDate();
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = first.plusDays(dayCount).atStartOfDay(zone).toInstant();
        UpcomingWindows upcoming = UpcomingWindows.of(calendar, start, Duration.between(start, end));
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < dayCount; i++) {
            LocalDate date = first.plusDays(i);
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            double length = Duration.between(dayStart, dayEnd).toMillis();
            List<Block> blocks = new ArrayList<>();
            for (TimeSpan closed : upcoming.closedPeriods()) {
                Instant blockStart = closed.start().isAfter(dayStart) ? closed.start() : dayStart;
                Instant blockEnd = closed.end().isBefore(dayEnd) ? closed.end() : dayEnd;
                if (blockEnd.isAfter(blockStart)) {
                    blocks.add(new Block(100 * Duration.between(dayStart, blockStart).toMillis() / length,
                            100 * Duration.between(blockStart, blockEnd).toMillis() / length,
                            "closed " + TIME.format(blockStart.atZone(zone)) + "–" + TIME.format(blockEnd.atZone(zone))));
                }
            }
            List<String> windows = new ArrayList<>();
            for (Occurrence occurrence : upcoming.occurrences()) {
                if (occurrence.start().isBefore(dayEnd) && occurrence.end().isAfter(dayStart)) {
                    windows.add((occurrence.kind() == WindowKind.DENY ? "deny " : "allow ") + occurrence.window() + " "
                            + TIME.format(occurrence.start().atZone(zone)) + "–" + TIME.format(occurrence.end().atZone(zone)));
                }
            }
            days.add(new Day(DAY.format(date), blocks, windows));
        }
        return new FreezeTimeline(name, zone.getId(), null, days);
    }

    public String getName() {
        return name;
    }

    public String getZone() {
        return zone;
    }

    /** Why the calendar could not be shown, or null. */
    public String getProblem() {
        return problem;
    }

    public List<Day> getDays() {
        return days;
    }

    /** One day of the timeline. */
    public static final class Day {
        private final String label;
        private final List<Block> blocks;
        private final List<String> windows;

        Day(String label, List<Block> blocks, List<String> windows) {
            this.label = label;
            this.blocks = List.copyOf(blocks);
            this.windows = List.copyOf(windows);
        }

        public String getLabel() {
            return label;
        }

        public List<Block> getBlocks() {
            return blocks;
        }

        public List<String> getWindows() {
            return windows;
        }
    }

    /** A closed period within a day, as percentages of that day. */
    public static final class Block {
        private final double left;
        private final double width;
        private final String title;

        Block(double left, double width, String title) {
            this.left = left;
            this.width = width;
            this.title = title;
        }

        /** CSS for the block; built from numbers only, so nothing user-supplied reaches the style attribute. */
        public String getStyle() {
            return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, width);
        }

        public double getLeft() {
            return left;
        }

        public double getWidth() {
            return width;
        }

        public String getTitle() {
            return title;
        }
    }
}
