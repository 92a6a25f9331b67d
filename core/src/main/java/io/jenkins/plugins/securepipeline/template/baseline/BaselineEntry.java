package io.jenkins.plugins.securepipeline.template.baseline;

import java.util.Comparator;

/**
 * One accepted finding as the baseline file records it, readable in a review: the rule, the template (relative to
 * the baseline file's directory), the resource, the normalised message, and the severity it had when the baseline
 * was made. The severity is for people only: matching ignores it, so a policy that raises a rule's severity does not
 * turn accepted findings into new ones.
 */
public record BaselineEntry(String rule, String file, String resource, String message, String severity) {
    /** The order entries are written in: by file, resource, rule, message, so a baseline diffs well in Git. */
    static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::file)
            .thenComparing(BaselineEntry::resource).thenComparing(BaselineEntry::rule)
            .thenComparing(BaselineEntry::message)
            .thenComparing(BaselineEntry::severity, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Fingerprint fingerprint() {
        return new Fingerprint(rule, file, resource, message);
    }
}
