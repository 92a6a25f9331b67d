package io.jenkins.plugins.securepipeline.window;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a calendar file (YAML, see docs/steps/gateBlackoutWindow.md). YAML is only composed into nodes, never
 * constructed into objects, with limits on size and aliases; every error names the file and line, and the window
 * and field concerned. Imports (iCalendar files or URLs, Change Calendars) are resolved through the sources given
 * to the constructor, so a caller decides what a calendar may reach.
 */
public final class CalendarLoader {
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_WINDOWS = 10_000;
    static final int MAX_NESTING = 20;
    static final int MAX_SELF_OVERLAP = 1440;
    private static final Set<String> CALENDAR_KEYS = Set.of("timeZone", "windows");
    private static final Set<String> WINDOW_KEYS = Set.of("name", "kind", "timeZone", "description", "cron", "duration",
            "weekly", "from", "to", "ics", "changeCalendar");
    private static final List<String> SCHEDULE_KEYS = List.of("cron", "weekly", "from", "ics", "changeCalendar");

    private final ImportSources imports;

    /** A loader that refuses every import (iCalendar, Change Calendar) with a clear error. */
    public CalendarLoader() {
        this(ImportSources.none());
    }

    public CalendarLoader(ImportSources imports) {
        this.imports = Objects.requireNonNull(imports);
    }

    /** @throws InvalidCalendarException when the file cannot be read or any window is wrong */
    public BlackoutCalendar load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, MAX_FILE_BYTES);
        } catch (UserFileException e) {
            throw new InvalidCalendarException("cannot read calendar " + name + ": " + e.problem());
        } catch (SecurityException e) {
            throw new InvalidCalendarException("cannot read calendar " + name + ": access denied");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCalendarException("calendar " + name + " is not UTF-8 text");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, name, base);
    }

    /**
     * Parses calendar YAML.
     *
     * @param sourceName used in messages (a file name)
     * @param baseDirectory where relative {@code ics} paths are resolved
     */
    public BlackoutCalendar parse(String yaml, String sourceName, Path baseDirectory) {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(sourceName)
                    .setCodePointLimit(MAX_FILE_BYTES)
                    .setMaxAliasesForCollections(20)
                    .setAllowRecursiveKeys(false)
                    .build();
            checkNesting(settings, yaml, sourceName);
            root = new Compose(settings).composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().map(mark -> sourceName + ":" + (mark.getLine() + 1)).orElse(sourceName);
            throw new InvalidCalendarException(at + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new InvalidCalendarException(sourceName + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        return new FileContext(sourceName, baseDirectory).calendar(root);
    }

    /**
     * Composing is recursive, so hostile nesting ({@code [[[[...}) would overflow the stack; the event parser is
     * not, so the depth is checked on the events first.
     */
    private static void checkNesting(LoadSettings settings, String yaml, String sourceName) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(yaml)) {
            if (event.getEventId() == Event.ID.MappingStart || event.getEventId() == Event.ID.SequenceStart) {
                if (++depth > MAX_NESTING) {
                    String at = event.getStartMark().map(mark -> sourceName + ":" + (mark.getLine() + 1)).orElse(sourceName);
                    throw new InvalidCalendarException(at + ": nested more than " + MAX_NESTING + " levels deep");
                }
            } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
                depth--;
            }
        }
    }

    private final class FileContext {
        private final String sourceName;
        private final Path baseDirectory;

        FileContext(String sourceName, Path baseDirectory) {
            this.sourceName = sourceName;
            this.baseDirectory = baseDirectory;
        }

        BlackoutCalendar calendar(Node root) {
            if (root == null) {
                throw error(null, null, null, "the calendar is empty; expected a mapping with 'windows'");
            }
            Map<String, Node> top = mapping(root, null, null, CALENDAR_KEYS);
            ZoneId calendarZone = top.containsKey("timeZone") ? zone(top.get("timeZone"), null) : null;
            Node windowsNode = top.get("windows");
            if (windowsNode == null) {
                throw error(root, null, "windows", "missing; a calendar lists its windows under 'windows'");
            }
            if (!(windowsNode instanceof SequenceNode sequence)) {
                throw error(windowsNode, null, "windows", "must be a list of windows");
            }
            if (sequence.getValue().size() > MAX_WINDOWS) {
                throw error(windowsNode, null, "windows", "more than " + MAX_WINDOWS + " windows");
            }
            List<BlackoutWindow> windows = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int index = 0;
            for (Node windowNode : sequence.getValue()) {
                index++;
                BlackoutWindow window = window(windowNode, index, calendarZone);
                if (!names.add(window.name())) {
                    throw error(windowNode, window.name(), "name", "another window already has this name");
                }
                windows.add(window);
            }
            return new BlackoutCalendar(sourceName, calendarZone == null ? ZoneId.of("UTC") : calendarZone, windows);
        }

        private BlackoutWindow window(Node node, int index, ZoneId calendarZone) {
            Map<String, Node> fields = mapping(node, "#" + index, null, WINDOW_KEYS);
            String name = fields.containsKey("name") ? text(fields.get("name"), "#" + index, "name") : null;
            if (name == null || name.isBlank()) {
                throw error(node, "#" + index, "name", "missing; every window needs a name");
            }
            if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
                throw error(fields.get("name"), "#" + index, "name", "must be at most 200 printable characters");
            }
            Node kindNode = fields.get("kind");
            if (kindNode == null) {
                throw error(node, name, "kind", "missing; expected deny or allow");
            }
            String kindText = text(kindNode, name, "kind").toLowerCase(Locale.ROOT);
            WindowKind kind = switch (kindText) {
                case "deny" -> WindowKind.DENY;
                case "allow" -> WindowKind.ALLOW;
                default -> throw error(kindNode, name, "kind", "'" + kindText + "' is neither deny nor allow");
            };
            List<String> present = SCHEDULE_KEYS.stream().filter(fields::containsKey).toList();
            if (present.size() != 1) {
                throw error(node, name, present.isEmpty() ? "schedule" : present.get(1), present.isEmpty()
                        ? "missing; give exactly one of cron (with duration), weekly, from/to, ics, changeCalendar"
                        : "conflicts with " + present.get(0) + "; a window has exactly one schedule");
            }
            String scheduleKey = present.get(0);
            requireOnlyWith(fields, "duration", "cron", name);
            requireOnlyWith(fields, "to", "from", name);
            ZoneId zone = fields.containsKey("timeZone") ? zone(fields.get("timeZone"), name) : calendarZone;
            boolean needsZone = !scheduleKey.equals("changeCalendar") && !scheduleKey.equals("ics");
            if (zone == null && needsZone) {
                throw error(node, name, "timeZone", "missing; set timeZone on the window or the calendar"
                        + " (there is no default zone, not even UTC)");
            }
            ZoneId effectiveZone = zone == null ? ZoneId.of("UTC") : zone;
            WindowSchedule schedule = switch (scheduleKey) {
                case "cron" -> cron(fields, node, name, effectiveZone);
                case "weekly" -> weekly(fields.get("weekly"), name, effectiveZone);
                case "from" -> oneOff(fields, node, name, effectiveZone);
                case "ics" -> ics(fields.get("ics"), name, zone);
                default -> changeCalendar(fields.get("changeCalendar"), name, kind);
            };
            return new BlackoutWindow(name, kind, effectiveZone, schedule);
        }

        private void requireOnlyWith(Map<String, Node> fields, String key, String companion, String window) {
            if (fields.containsKey(key) && !fields.containsKey(companion)) {
                throw error(fields.get(key), window, key, "only allowed together with " + companion);
            }
        }

        private WindowSchedule cron(Map<String, Node> fields, Node node, String window, ZoneId zone) {
            CronExpression cron;
            try {
                cron = CronExpression.parse(text(fields.get("cron"), window, "cron"));
            } catch (IllegalArgumentException e) {
                throw error(fields.get("cron"), window, "cron", e.getMessage());
            }
            Node durationNode = fields.get("duration");
            if (durationNode == null) {
                throw error(node, window, "duration", "missing; a cron window needs a duration such as 1h or PT1H");
            }
            Duration duration;
            try {
                duration = DurationText.parse(text(durationNode, window, "duration"));
            } catch (IllegalArgumentException e) {
                throw error(durationNode, window, "duration", e.getMessage());
            }
            if (duration.compareTo(Duration.ofDays(366)) > 0) {
                throw error(durationNode, window, "duration", "longer than a year; use from/to for long freezes");
            }
            // Every start within one duration is active at once; bound that so one window cannot make each
            // decision track hundreds of thousands of spans (e.g. every minute for a year).
            long overlapping = (long) cron.startsPerDay() * (duration.toDays() + 1);
            if (overlapping > MAX_SELF_OVERLAP) {
                throw error(durationNode, window, "duration", "with this cron the window would overlap itself up to "
                        + overlapping + " times (more than " + MAX_SELF_OVERLAP + "); start it less often or shorten it");
            }
            return new CronSchedule(cron, duration, zone);
        }

        private WindowSchedule weekly(Node node, String window, ZoneId zone) {
            try {
                return WeeklySchedule.parse(text(node, window, "weekly"), zone);
            } catch (IllegalArgumentException e) {
                throw error(node, window, "weekly", e.getMessage());
            }
        }

        private WindowSchedule oneOff(Map<String, Node> fields, Node node, String window, ZoneId zone) {
            Node fromNode = fields.get("from");
            Node toNode = fields.get("to");
            if (toNode == null) {
                throw error(node, window, "to", "missing; a one-off window needs from and to");
            }
            LocalDateTime from = localDateTime(fromNode, window, "from");
            LocalDateTime to = localDateTime(toNode, window, "to");
            TimeSpan span;
            try {
                span = new TimeSpan(WallClock.start(from, zone), WallClock.end(to, zone));
            } catch (IllegalArgumentException e) {
                throw error(toNode, window, "to", to + " is not after from " + from);
            }
            return new FixedSchedule(List.of(span), "from " + from + " to " + to + " (" + zone.getId() + ")");
        }

        private LocalDateTime localDateTime(Node node, String window, String field) {
            String value = text(node, window, field);
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay();
                }
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw error(node, window, field, "'" + value + "' is not a local date-time such as 2026-12-20T00:00"
                        + " (or a date such as 2026-12-20); the window's timeZone applies, so give no offset");
            }
        }

        private WindowSchedule ics(Node node, String window, ZoneId zone) {
            String location = text(node, window, "ics");
            try {
                return imports.icalendar(location, baseDirectory, zone);
            } catch (InvalidCalendarException e) {
                throw error(node, window, "ics", e.getMessage());
            }
        }

        private WindowSchedule changeCalendar(Node node, String window, WindowKind kind) {
            if (kind != WindowKind.DENY) {
                throw error(node, window, "kind", "a Change Calendar window must be deny: it closes the gate while"
                        + " the Change Calendar is CLOSED (the calendar's DEFAULT_OPEN/DEFAULT_CLOSED type says the rest)");
            }
            String calendar = text(node, window, "changeCalendar");
            try {
                return imports.changeCalendar(calendar);
            } catch (InvalidCalendarException e) {
                throw error(node, window, "changeCalendar", e.getMessage());
            }
        }

        private ZoneId zone(Node node, String window) {
            String id = text(node, window, "timeZone");
            ZoneId zone;
            try {
                zone = ZoneId.of(id);
            } catch (DateTimeException e) {
                throw error(node, window, "timeZone", "unknown time zone '" + id
                        + "'; use an IANA region ID such as Europe/Amsterdam or UTC");
            }
            if (zone instanceof java.time.ZoneOffset || id.matches("(?i)(UTC|GMT|UT)[+-].*")) {
                // A fixed offset never follows DST, which is exactly the mistake this gate exists to avoid.
                throw error(node, window, "timeZone", "'" + id + "' is a fixed offset, not a time zone; use an IANA"
                        + " region ID such as Europe/Amsterdam (or UTC)");
            }
            return zone;
        }

        private Map<String, Node> mapping(Node node, String window, String field, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, window, field, "expected a mapping (key: value lines)");
            }
            Map<String, Node> result = new LinkedHashMap<>();
            if (window != null && window.startsWith("#")) {
                window = declaredName(mapping, window); // so that errors in any field name the window
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw error(tuple.getKeyNode(), window, field, "keys must be plain words");
                }
                String key = keyNode.getValue();
                if (!allowed.contains(key)) {
                    throw error(keyNode, window, key, "unknown field; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (result.put(key, tuple.getValueNode()) != null) {
                    throw error(keyNode, window, key, "appears twice");
                }
            }
            return result;
        }

        private static String declaredName(MappingNode mapping, String fallback) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
                        && tuple.getValueNode() instanceof ScalarNode value && !value.getValue().isBlank()) {
                    return value.getValue().trim();
                }
            }
            return fallback;
        }

        private String text(Node node, String window, String field) {
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, window, field, "expected a single value, not a list or mapping");
            }
            return scalar.getValue().trim();
        }

        private InvalidCalendarException error(Node node, String window, String field, String message) {
            StringBuilder text = new StringBuilder(sourceName);
            Mark mark = node == null ? null : node.getStartMark().orElse(null);
            if (mark != null) {
                text.append(':').append(mark.getLine() + 1);
            }
            text.append(": ");
            if (window != null) {
                text.append("window ").append(window.startsWith("#") ? window : "'" + window + "'").append(": ");
            }
            if (field != null) {
                text.append("field '").append(field).append("': ");
            }
            return new InvalidCalendarException(text.append(message).toString());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
