package io.jenkins.plugins.securepipeline.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a parsed template with the line and column where it starts. Immutable once built, so alias targets
 * can be shared safely. An {@link Kind#UNKNOWN} node stands for a value the evaluator could not work out (a
 * resource attribute, an unresolved parameter, a macro): rules must never treat it as a literal.
 */
public final class TemplateNode {
    public enum Kind { MAP, LIST, SCALAR, UNKNOWN }

    private final Kind kind;
    private final Map<String, TemplateNode> entries;
    private final List<TemplateNode> items;
    private final String text;
    private final boolean plain;
    private final int line;
    private final int column;
    /** Where an evaluated value came from: a parameter name, or null for a literal in the template. */
    private final String parameter;
    /** True when the value came from a parameter's Default rather than a supplied value. */
    private final boolean fromDefault;

    private TemplateNode(Kind kind, Map<String, TemplateNode> entries, List<TemplateNode> items, String text,
            boolean plain, int line, int column, String parameter, boolean fromDefault) {
        this.kind = kind;
        this.entries = entries;
        this.items = items;
        this.text = text;
        this.plain = plain;
        this.line = line;
        this.column = column;
        this.parameter = parameter;
        this.fromDefault = fromDefault;
    }

    public static TemplateNode map(Map<String, TemplateNode> entries, int line, int column) {
        return new TemplateNode(Kind.MAP, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), List.of(), null,
                false, line, column, null, false);
    }

    public static TemplateNode list(List<TemplateNode> items, int line, int column) {
        return new TemplateNode(Kind.LIST, Map.of(), List.copyOf(items), null, false, line, column, null, false);
    }

    /** A scalar; {@code plain} is true for unquoted YAML scalars and JSON numbers, booleans and null. */
    public static TemplateNode scalar(String text, boolean plain, int line, int column) {
        return new TemplateNode(Kind.SCALAR, Map.of(), List.of(), Objects.requireNonNull(text), plain, line, column,
                null, false);
    }

    /** A value that cannot be known before deployment; {@code why} explains it (for example "Ref MyBucket"). */
    public static TemplateNode unknown(String why, int line, int column) {
        return new TemplateNode(Kind.UNKNOWN, Map.of(), List.of(), why, false, line, column, null, false);
    }

    /** The same value, remembered as coming from a parameter (used by plaintext-secret rules). */
    public TemplateNode fromParameter(String name, boolean isDefault) {
        return new TemplateNode(kind, entries, items, text, plain, line, column, name, isDefault);
    }

    public TemplateNode at(int newLine, int newColumn) {
        return new TemplateNode(kind, entries, items, text, plain, newLine, newColumn, parameter, fromDefault);
    }

    public Kind kind() { return kind; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }
    public boolean isUnknown() { return kind == Kind.UNKNOWN; }
    public Map<String, TemplateNode> entries() { return entries; }
    public List<TemplateNode> items() { return items; }
    /** Scalar text, or the reason for an unknown value. */
    public String text() { return text; }
    public boolean plain() { return plain; }
    public int line() { return line; }
    public int column() { return column; }
    public String parameter() { return parameter; }
    public boolean fromDefault() { return fromDefault; }

    /** Child of a map, or null. */
    public TemplateNode get(String key) {
        return kind == Kind.MAP ? entries.get(key) : null;
    }

    /** Follows a chain of map keys; null as soon as one is missing. */
    public TemplateNode path(String... keys) {
        TemplateNode current = this;
        for (String key : keys) {
            current = current.get(key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /**
     * True when following the keys meets an unknown value before the end (for example {@code Properties: !Ref X}
     * or {@code SSESpecification: !GetAtt ...}): then a missing key means "cannot tell", not "absent".
     */
    public boolean reachesUnknown(String... keys) {
        TemplateNode current = this;
        for (String key : keys) {
            if (current.isUnknown()) {
                return true;
            }
            current = current.get(key);
            if (current == null) {
                return false;
            }
        }
        return current.isUnknown();
    }

    /** Scalar text or null for anything else (maps, lists, unknown values). */
    public String asText() {
        return kind == Kind.SCALAR ? text : null;
    }

    /**
     * True for a known scalar equal to one of the values, ignoring case and surrounding blanks. CloudFormation and
     * the services accept enumerations such as {@code None}/{@code NONE} or {@code Off}/{@code OFF} in any case, so
     * every comparison with an enumeration value goes through here.
     */
    public boolean is(String... values) {
        if (kind != Kind.SCALAR) {
            return false;
        }
        String trimmed = text.trim();
        for (String value : values) {
            if (trimmed.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** True for a known scalar starting with the prefix, ignoring case and leading blanks. */
    public boolean startsWith(String prefix) {
        return kind == Kind.SCALAR && text.stripLeading().regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * True for a YAML null ({@code key:} with nothing after it, {@code ~}, {@code null}) or a JSON null. A map key
     * whose value is null is treated as absent (the parsers leave it out), which is what CloudFormation does.
     */
    public boolean isNull() {
        return kind == Kind.SCALAR && plain && (text.isEmpty() || text.equals("~") || text.equals("null")
                || text.equals("Null") || text.equals("NULL"));
    }

    /** True for a known scalar equal to true (YAML and JSON spellings, and the string "true" CFN accepts). */
    public boolean isTrue() {
        return kind == Kind.SCALAR && text.equalsIgnoreCase("true");
    }

    /** True for a known scalar equal to false. Unknown values are neither true nor false. */
    public boolean isFalse() {
        return kind == Kind.SCALAR && text.equalsIgnoreCase("false");
    }

    /** The node as a list: a list's items, or a one-element list for anything else (policy fields allow both). */
    public List<TemplateNode> asList() {
        return kind == Kind.LIST ? items : List.of(this);
    }

    /** A map with exactly one key, such as {"Ref": ..} or {"Fn::If": ..}: that key, otherwise null. */
    public String singleKey() {
        return kind == Kind.MAP && entries.size() == 1 ? entries.keySet().iterator().next() : null;
    }

    @Override
    public String toString() {
        switch (kind) {
            case SCALAR: return text;
            case UNKNOWN: return "<unknown: " + text + ">";
            case LIST: return items.toString();
            default: return entries.toString();
        }
    }
}
