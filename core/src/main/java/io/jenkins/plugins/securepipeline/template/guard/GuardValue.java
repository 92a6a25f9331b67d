package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value as Guard sees it: typed scalars (string, integer, float, boolean, null, and in rules also regular
 * expressions and ranges), lists and maps, each with the JSON-pointer-like path and position it came from.
 * Guard compares only values of the same type: the integer 5, the float 5.0 and the string "5" all differ.
 */
public final class GuardValue {
    public enum Kind { NULL, STRING, INT, FLOAT, BOOL, LIST, MAP, REGEX, RANGE, CHAR }

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");

    private final Kind kind;
    private final Object value;
    private final String path;
    private final int line;
    private final int column;

    private GuardValue(Kind kind, Object value, String path, int line, int column) {
        this.kind = kind;
        this.value = value;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    static GuardValue string(String text, String path, int line, int column) {
        return new GuardValue(Kind.STRING, text, path, line, column);
    }

    static GuardValue integer(long number, String path, int line, int column) {
        return new GuardValue(Kind.INT, number, path, line, column);
    }

    static GuardValue decimal(double number, String path, int line, int column) {
        return new GuardValue(Kind.FLOAT, number, path, line, column);
    }

    static GuardValue bool(boolean flag, String path, int line, int column) {
        return new GuardValue(Kind.BOOL, flag, path, line, column);
    }

    /** A single character, made only by parse_char(); held as the string of that one character. */
    static GuardValue character(String oneCharacter, String path, int line, int column) {
        return new GuardValue(Kind.CHAR, oneCharacter, path, line, column);
    }

    /** The same value found at another path (a function's result keeps its argument's place). */
    static GuardValue ofTree(TemplateNode node, String path) {
        return of(node, path);
    }

    static GuardValue nullValue(String path, int line, int column) {
        return new GuardValue(Kind.NULL, null, path, line, column);
    }

    static GuardValue regex(Pattern pattern, int line, int column) {
        return new GuardValue(Kind.REGEX, pattern, "", line, column);
    }

    static GuardValue range(Range range, int line, int column) {
        return new GuardValue(Kind.RANGE, range, "", line, column);
    }

    static GuardValue list(List<GuardValue> items, String path, int line, int column) {
        return new GuardValue(Kind.LIST, Collections.unmodifiableList(new ArrayList<>(items)), path, line, column);
    }

    static GuardValue map(Map<String, GuardValue> entries, String path, int line, int column) {
        return new GuardValue(Kind.MAP, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), path, line, column);
    }

    /** A numeric range literal such as {@code r[1, 10)}: bounds are both integers or both floats. */
    record Range(GuardValue lower, boolean lowerInclusive, GuardValue upper, boolean upperInclusive) {}

    /**
     * Converts a parsed template. Unquoted YAML scalars (and JSON numbers, booleans and null) get the type their
     * text spells, quoted ones stay strings, as in Guard's own YAML loader.
     */
    public static GuardValue of(TemplateNode node) {
        return of(node, "");
    }

    private static GuardValue of(TemplateNode node, String path) {
        switch (node.kind()) {
            case MAP: {
                Map<String, GuardValue> entries = new LinkedHashMap<>();
                for (Map.Entry<String, TemplateNode> entry : node.entries().entrySet()) {
                    entries.put(entry.getKey(), of(entry.getValue(), path + "/" + entry.getKey()));
                }
                return map(entries, path, node.line(), node.column());
            }
            case LIST: {
                List<GuardValue> items = new ArrayList<>();
                for (int i = 0; i < node.items().size(); i++) {
                    items.add(of(node.items().get(i), path + "/" + i));
                }
                return list(items, path, node.line(), node.column());
            }
            case SCALAR:
                return node.plain() ? plainScalar(node.text(), path, node.line(), node.column())
                        : string(node.text(), path, node.line(), node.column());
            default:
                // The raw reader never produces unknown values; keep the explanation as text if one appears.
                return string(node.text(), path, node.line(), node.column());
        }
    }

    private static GuardValue plainScalar(String text, String path, int line, int column) {
        switch (text) {
            case "": case "~": case "null": case "Null": case "NULL":
                return nullValue(path, line, column);
            case "true": case "True": case "TRUE":
                return bool(true, path, line, column);
            case "false": case "False": case "FALSE":
                return bool(false, path, line, column);
            default:
                break;
        }
        if (INTEGER.matcher(text).matches()) {
            try {
                return integer(Long.parseLong(text.startsWith("+") ? text.substring(1) : text), path, line, column);
            } catch (NumberFormatException tooLarge) {
                return decimal(Double.parseDouble(text), path, line, column);
            }
        }
        if (DECIMAL.matcher(text).matches()) {
            return decimal(Double.parseDouble(text), path, line, column);
        }
        return string(text, path, line, column);
    }

    public Kind kind() { return kind; }
    public String path() { return path; }
    public int line() { return line; }
    public int column() { return column; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isMap() { return kind == Kind.MAP; }

    @SuppressWarnings("unchecked")
    public List<GuardValue> items() {
        return kind == Kind.LIST ? (List<GuardValue>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, GuardValue> entries() {
        return kind == Kind.MAP ? (Map<String, GuardValue>) value : Map.of();
    }

    /** The text of a string, or the character of a CHAR. */
    String text() { return (String) value; }
    long integerValue() { return (Long) value; }
    double decimalValue() { return (Double) value; }
    boolean boolValue() { return (Boolean) value; }
    Pattern pattern() { return (Pattern) value; }
    Range rangeValue() { return (Range) value; }

    /** Deep equality of type and content, ignoring where the values came from. */
    boolean sameAs(GuardValue other) {
        if (kind != other.kind) {
            return false;
        }
        switch (kind) {
            case NULL: return true;
            case LIST: {
                List<GuardValue> a = items();
                List<GuardValue> b = other.items();
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!a.get(i).sameAs(b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case MAP: {
                Map<String, GuardValue> a = entries();
                Map<String, GuardValue> b = other.entries();
                if (!a.keySet().equals(b.keySet())) {
                    return false;
                }
                for (Map.Entry<String, GuardValue> entry : a.entrySet()) {
                    if (!entry.getValue().sameAs(b.get(entry.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            case REGEX: return pattern().pattern().equals(other.pattern().pattern());
            default: return value.equals(other.value);
        }
    }

    /** Short rendering for messages. */
    @Override
    public String toString() {
        switch (kind) {
            case NULL: return "null";
            case STRING: return '"' + text() + '"';
            case CHAR: return "'" + text() + "'";
            case REGEX: return "/" + pattern().pattern() + "/";
            case RANGE: {
                Range r = rangeValue();
                return "r" + (r.lowerInclusive() ? "[" : "(") + r.lower() + "," + r.upper()
                        + (r.upperInclusive() ? "]" : ")");
            }
            case LIST: return items().toString();
            case MAP: {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<String, GuardValue> entry : entries().entrySet()) {
                    if (out.length() > 1) {
                        out.append(", ");
                    }
                    out.append(entry.getKey()).append(": ").append(entry.getValue());
                }
                return out.append('}').toString();
            }
            default: return String.valueOf(value);
        }
    }
}
