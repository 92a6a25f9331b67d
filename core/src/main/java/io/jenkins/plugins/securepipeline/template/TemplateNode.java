package io.jenkins.plugins.securepipeline.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * One node of a parsed template with the line and column where it starts. Immutable once built, so alias targets
 * can be shared safely. An {@link Kind#UNKNOWN} node stands for a value the evaluator could not work out (a
 * resource attribute, an unresolved parameter, a macro): rules must never treat it as a literal.
 */
public final class TemplateNode {
    public enum Kind { MAP, LIST, SCALAR, UNKNOWN }

    private static final Kind[] KINDS = Kind.values();
    private static final int PLAIN = 4;
    private static final int FROM_DEFAULT = 8;

    // Packed, because a large template has a million nodes: the kind and two flags in one byte, and the map, list
    // or text in one field (32 bytes a node instead of 48).
    /** Kind ordinal (bits 0-1), {@link #PLAIN}, {@link #FROM_DEFAULT}. */
    private final byte flags;
    /** The entries of a map, the items of a list, the text of a scalar or the reason of an unknown value. */
    private final Object value;
    private final int line;
    private final int column;
    /** Where an evaluated value came from: a parameter name, or null for a literal in the template. */
    private final String parameter;

    private TemplateNode(Kind kind, Map<String, TemplateNode> entries, List<TemplateNode> items, String text,
            boolean plain, int line, int column, String parameter, boolean fromDefault) {
        this.flags = (byte) (kind.ordinal() | (plain ? PLAIN : 0) | (fromDefault ? FROM_DEFAULT : 0));
        this.value = kind == Kind.MAP ? entries : kind == Kind.LIST ? items : text;
        this.line = line;
        this.column = column;
        this.parameter = parameter;
    }

    public static TemplateNode map(Map<String, TemplateNode> entries, int line, int column) {
        return new TemplateNode(Kind.MAP, entries.isEmpty() ? Map.of() : new CompactMap(entries), List.of(), null,
                false, line, column, null, false);
    }

    /**
     * An immutable map in insertion order held in two arrays: templates have hundreds of thousands of small maps,
     * and a LinkedHashMap costs about three times as much per entry. Maps with many keys get a hash index.
     */
    private static final class CompactMap extends AbstractMap<String, TemplateNode> {
        private static final int LINEAR_LOOKUP = 12;
        /** Key, value, key, value, ...: one array rather than two saves its header on every map. */
        private final Object[] keysAndValues;
        private final Map<String, Integer> index;

        CompactMap(Map<String, TemplateNode> entries) {
            keysAndValues = new Object[entries.size() * 2];
            int i = 0;
            for (Map.Entry<String, TemplateNode> entry : entries.entrySet()) {
                keysAndValues[i++] = Objects.requireNonNull(entry.getKey());
                keysAndValues[i++] = Objects.requireNonNull(entry.getValue());
            }
            if (entries.size() > LINEAR_LOOKUP) {
                index = new HashMap<>(entries.size() * 2);
                for (int k = 0; k < entries.size(); k++) {
                    index.put((String) keysAndValues[2 * k], k);
                }
            } else {
                index = null;
            }
        }

        private int find(Object key) {
            if (index != null) {
                Integer at = index.get(key);
                return at == null ? -1 : at;
            }
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i].equals(key)) {
                    return i / 2;
                }
            }
            return -1;
        }

        @Override
        public TemplateNode get(Object key) {
            int at = find(key);
            return at < 0 ? null : (TemplateNode) keysAndValues[2 * at + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return find(key) >= 0;
        }

        @Override
        public int size() {
            return keysAndValues.length / 2;
        }

        /**
         * Views made on each call over the array (no copy): AbstractMap would keep one per map once asked, which for
         * every map of a large template adds up.
         */
        @Override
        public java.util.Collection<TemplateNode> values() {
            return new java.util.AbstractList<>() {
                @Override
                public TemplateNode get(int i) {
                    return (TemplateNode) keysAndValues[2 * java.util.Objects.checkIndex(i, size()) + 1];
                }

                @Override
                public int size() {
                    return CompactMap.this.size();
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < CompactMap.this.size();
                        }

                        @Override
                        public String next() {
                            if (next >= CompactMap.this.size()) {
                                throw new NoSuchElementException();
                            }
                            return (String) keysAndValues[2 * next++];
                        }
                    };
                }

                @Override
                public boolean contains(Object key) {
                    return find(key) >= 0;
                }

                @Override
                public int size() {
                    return CompactMap.this.size();
                }
            };
        }

        @Override
        public Set<Map.Entry<String, TemplateNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, TemplateNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size();
                        }

                        @Override
                        public Map.Entry<String, TemplateNode> next() {
                            if (next >= size()) {
                                throw new NoSuchElementException();
                            }
                            int at = 2 * next++;
                            return new AbstractMap.SimpleImmutableEntry<>((String) keysAndValues[at],
                                    (TemplateNode) keysAndValues[at + 1]);
                        }
                    };
                }

                @Override
                public int size() {
                    return CompactMap.this.size();
                }
            };
        }
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
        return new TemplateNode(kind(), entries(), items(), text(), plain(), line, column, name, isDefault);
    }

    public TemplateNode at(int newLine, int newColumn) {
        return new TemplateNode(kind(), entries(), items(), text(), plain(), newLine, newColumn, parameter, fromDefault());
    }

    public Kind kind() { return KINDS[flags & 3]; }
    public boolean isMap() { return kind() == Kind.MAP; }
    public boolean isList() { return kind() == Kind.LIST; }
    public boolean isScalar() { return kind() == Kind.SCALAR; }
    public boolean isUnknown() { return kind() == Kind.UNKNOWN; }
    @SuppressWarnings("unchecked")
    public Map<String, TemplateNode> entries() { return isMap() ? (Map<String, TemplateNode>) value : Map.of(); }
    @SuppressWarnings("unchecked")
    public List<TemplateNode> items() { return isList() ? (List<TemplateNode>) value : List.of(); }
    /** Scalar text, or the reason for an unknown value. */
    public String text() { return isMap() || isList() ? null : (String) value; }
    public boolean plain() { return (flags & PLAIN) != 0; }
    public int line() { return line; }
    public int column() { return column; }
    public String parameter() { return parameter; }
    public boolean fromDefault() { return (flags & FROM_DEFAULT) != 0; }

    /** Child of a map, or null. */
    public TemplateNode get(String key) {
        return kind() == Kind.MAP ? entries().get(key) : null;
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
        return kind() == Kind.SCALAR ? text() : null;
    }

    /**
     * True for a known scalar equal to one of the values, ignoring case and surrounding blanks. CloudFormation and
     * the services accept enumerations such as {@code None}/{@code NONE} or {@code Off}/{@code OFF} in any case, so
     * every comparison with an enumeration value goes through here.
     */
    public boolean is(String... values) {
        if (kind() != Kind.SCALAR) {
            return false;
        }
        String trimmed = text().trim();
        for (String value : values) {
            if (trimmed.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** True for a known scalar starting with the prefix, ignoring case and leading blanks. */
    public boolean startsWith(String prefix) {
        return kind() == Kind.SCALAR && text().stripLeading().regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * True for a YAML null ({@code key:} with nothing after it, {@code ~}, {@code null}) or a JSON null. A map key
     * whose value is null is treated as absent (the parsers leave it out), which is what CloudFormation does.
     */
    public boolean isNull() {
        return kind() == Kind.SCALAR && plain() && (text().isEmpty() || text().equals("~") || text().equals("null")
                || text().equals("Null") || text().equals("NULL"));
    }

    /** True for a known scalar equal to true (YAML and JSON spellings, and the string "true" CFN accepts). */
    public boolean isTrue() {
        return kind() == Kind.SCALAR && text().equalsIgnoreCase("true");
    }

    /** True for a known scalar equal to false. Unknown values are neither true nor false. */
    public boolean isFalse() {
        return kind() == Kind.SCALAR && text().equalsIgnoreCase("false");
    }

    /** The node as a list: a list's items(), or a one-element list for anything else (policy fields allow both). */
    public List<TemplateNode> asList() {
        return kind() == Kind.LIST ? items() : List.of(this);
    }

    /** A map with exactly one key, such as {"Ref": ..} or {"Fn::If": ..}: that key, otherwise null. */
    public String singleKey() {
        return kind() == Kind.MAP && entries().size() == 1 ? entries().keySet().iterator().next() : null;
    }

    @Override
    public String toString() {
        switch (kind()) {
            case SCALAR: return text();
            case UNKNOWN: return "<unknown: " + text() + ">";
            case LIST: return items().toString();
            default: return entries().toString();
        }
    }
}
