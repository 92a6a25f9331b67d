package io.jenkins.plugins.securepipeline.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Severities of Guard rule findings by rule ID glob ({@code org.guard/*}, {@code org.guard/S3_*}): Guard rule files
 * carry no severity of their own. Within one policy the last entry whose glob matches a rule wins, so broad globs
 * come first and exceptions after them; a rule no entry matches gets the fallback ({@code --guard-severity}).
 * {@link #raisedBy} adds a pipeline's entries on top of an administrator's, which can only raise a rule's
 * severity: the higher of the two applies.
 */
public final class GuardSeverities {
    /** One {@code glob: severity} entry; {@code *} matches any characters (also '/'), {@code ?} one. */
    public record Entry(String glob, Severity severity) {
        public Entry {
            if (glob == null || glob.isBlank()) {
                throw new IllegalArgumentException("a Guard rule ID glob must not be empty");
            }
        }

        boolean matches(String ruleId) {
            return pattern(glob).matcher(ruleId).matches();
        }
    }

    public static final GuardSeverities NONE = new GuardSeverities(List.of(), List.of());

    private final List<Entry> entries;
    /** Entries of a pipeline's policy: they apply only where they raise the severity. */
    private final List<Entry> raisingOnly;

    private GuardSeverities(List<Entry> entries, List<Entry> raisingOnly) {
        this.entries = List.copyOf(entries);
        this.raisingOnly = List.copyOf(raisingOnly);
    }

    public static GuardSeverities of(List<Entry> entries) {
        return new GuardSeverities(entries, List.of());
    }

    /** The entries that decide (an administrator's, or the one policy's), in order. */
    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty() && raisingOnly.isEmpty();
    }

    /** These severities with a pipeline's on top: for each rule the higher of the two. */
    public GuardSeverities raisedBy(GuardSeverities pipeline) {
        List<Entry> raising = new ArrayList<>(raisingOnly);
        raising.addAll(pipeline.entries);
        raising.addAll(pipeline.raisingOnly);
        return new GuardSeverities(entries, raising);
    }

    /** The severity of a Guard rule's findings; {@code fallback} when no entry matches the rule. */
    public Severity of(String ruleId, Severity fallback) {
        Severity severity = lastMatch(entries, ruleId);
        if (severity == null) {
            severity = fallback;
        }
        Severity raised = lastMatch(raisingOnly, ruleId);
        return raised != null && raised.compareTo(severity) > 0 ? raised : severity;
    }

    private static Severity lastMatch(List<Entry> entries, String ruleId) {
        Severity found = null;
        for (Entry entry : entries) {
            if (entry.matches(ruleId)) {
                found = entry.severity();
            }
        }
        return found;
    }

    private static Pattern pattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
