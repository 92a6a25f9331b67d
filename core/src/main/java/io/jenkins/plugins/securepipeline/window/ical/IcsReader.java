package io.jenkins.plugins.securepipeline.window.ical;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 5545 syntax: unfolds lines (a line starting with a space or tab continues the previous one), splits each
 * into name, parameters and value (quoted parameter values may contain {@code ;:,}), and nests BEGIN/END blocks.
 */
final class IcsReader {
    static final int MAX_LINES = 200_000;
    static final int MAX_DEPTH = 8;

    private final String source;

    IcsReader(String source) {
        this.source = source;
    }

    /** The top-level VCALENDAR component. */
    IcsComponent read(String text) {
        String start = text.stripLeading().replace("\uFEFF", "");
        if (!start.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, "BEGIN:VCALENDAR".length())) {
            throw error(1, "not an iCalendar file (it does not start with BEGIN:VCALENDAR)");
        }
        List<ContentLine> lines = contentLines(text);
        Deque<IcsComponent> open = new ArrayDeque<>();
        IcsComponent calendar = null;
        for (ContentLine line : lines) {
            if (line.name().equals("BEGIN")) {
                String name = line.value().toUpperCase(Locale.ROOT);
                if (open.isEmpty() && !name.equals("VCALENDAR") || calendar != null && open.isEmpty()) {
                    throw error(line.line(), "expected a single BEGIN:VCALENDAR block");
                }
                if (open.size() >= MAX_DEPTH) {
                    throw error(line.line(), "components nested too deeply");
                }
                IcsComponent component = new IcsComponent(name, line.line());
                if (open.isEmpty()) {
                    calendar = component;
                } else {
                    open.peek().children.add(component);
                }
                open.push(component);
            } else if (line.name().equals("END")) {
                String name = line.value().toUpperCase(Locale.ROOT);
                if (open.isEmpty() || !open.peek().name.equals(name)) {
                    throw error(line.line(), "END:" + name + " does not close "
                            + (open.isEmpty() ? "anything" : "BEGIN:" + open.peek().name + " (line " + open.peek().line + ")"));
                }
                open.pop();
            } else if (open.isEmpty()) {
                throw error(line.line(), "property " + line.name() + " outside BEGIN:VCALENDAR");
            } else {
                open.peek().properties.add(line);
            }
        }
        if (calendar == null) {
            throw error(1, "no BEGIN:VCALENDAR; this is not an iCalendar file");
        }
        if (!open.isEmpty()) {
            throw error(open.peek().line, "BEGIN:" + open.peek().name + " is never closed");
        }
        return calendar;
    }

    private List<ContentLine> contentLines(String text) {
        List<ContentLine> result = new ArrayList<>();
        String[] physical = text.split("\r\n|\n|\r", -1);
        StringBuilder current = null;
        int currentLine = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current == null) {
                    throw error(i + 1, "continuation line with nothing to continue");
                }
                current.append(line, 1, line.length());
                continue;
            }
            if (current != null) {
                result.add(parse(current.toString(), currentLine));
                if (result.size() > MAX_LINES) {
                    throw error(currentLine, "more than " + MAX_LINES + " content lines");
                }
            }
            current = line.isEmpty() ? null : new StringBuilder(line);
            currentLine = i + 1;
        }
        if (current != null) {
            result.add(parse(current.toString(), currentLine));
        }
        return result;
    }

    private ContentLine parse(String line, int number) {
        int index = 0;
        int length = line.length();
        while (index < length && line.charAt(index) != ';' && line.charAt(index) != ':') {
            index++;
        }
        String name = line.substring(0, index).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || !name.matches("[A-Z0-9-]+")) {
            throw error(number, "not an iCalendar content line: '" + abbreviate(line) + "'");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (index < length && line.charAt(index) == ';') {
            int equals = line.indexOf('=', index);
            if (equals < 0) {
                throw error(number, "parameter without '=' in " + name);
            }
            String key = line.substring(index + 1, equals).toUpperCase(Locale.ROOT);
            index = equals + 1;
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (index < length) {
                char c = line.charAt(index);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == ';' || c == ':')) {
                    break;
                } else {
                    value.append(c);
                }
                index++;
            }
            if (quoted) {
                throw error(number, "unterminated quoted parameter in " + name);
            }
            parameters.put(key, value.toString());
        }
        if (index >= length || line.charAt(index) != ':') {
            throw error(number, "property " + name + " has no ':' before its value");
        }
        return new ContentLine(name, Map.copyOf(parameters), line.substring(index + 1), number);
    }

    IcsException error(int line, String message) {
        return new IcsException(source + ":" + line + ": " + message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
