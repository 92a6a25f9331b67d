package io.jenkins.plugins.securepipeline.template.baseline;

import io.jenkins.plugins.securepipeline.template.Finding;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a finding "the same one" as a baseline entry: the rule, the template's path as the baseline records
 * it ({@link BaselinePaths}), the resource's logical ID and the normalised message. Never a line or column: a line
 * inserted above, a resource added, removed or moved elsewhere in the file leaves every other fingerprint as it was.
 *
 * <p>The message stands for the property. Built-in rules do not know the property path of what they report (they
 * point at a template node, which knows only its line and column), but their messages name what is wrong in terms
 * of the template's content: the property or setting and the offending value ("SSH (port 22) is reachable from
 * 0.0.0.0/0", "Resource \"*\" for actions that support specific resources: s3:GetObject", "The volume is not
 * encrypted"). So a changed value or another property going wrong gives another fingerprint (a new finding), while
 * the same problem after unrelated edits keeps its fingerprint. Guard findings carry the property path in their
 * message ("Guard rule R failed at /Resources/Q/Properties/KmsMasterKeyId: ...").
 *
 * <p>Normalising removes what can change without the problem changing: runs of white space, line and column
 * references ("line 12", "column 3"; no message has one today, a future one must not break every baseline), and list
 * positions in property paths (the 3 of "/Statement/3/Action" becomes an asterisk): a statement inserted above would
 * otherwise renumber every finding below it. Findings that then look alike (two list items
 * with the same problem) are told apart by counting: a fingerprint recorded k times accepts at most k findings.
 */
public record Fingerprint(String rule, String file, String resource, String message) {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern POSITION = Pattern.compile("(?i)\\b(line|column)(\\s+)\\d+");
    /** A JSON-pointer-like path: a '/' at the start or after white space, a quote or a bracket, up to white space. */
    private static final Pattern PATH = Pattern.compile("(?<=^|[\\s(\\[\"'])/[^\\s)\\]\"']+");
    private static final Pattern LIST_INDEX = Pattern.compile("(?<=/)\\d+(?=/|[:,;.]*$)");

    /** The fingerprint of a finding in the template whose path the baseline records as {@code file}. */
    public static Fingerprint of(Finding finding, String file) {
        return new Fingerprint(finding.ruleId(), file, finding.resource(), normalise(finding.message()));
    }

    /** The message without what can change while the problem stays the same (see the class comment). */
    public static String normalise(String message) {
        String text = WHITE_SPACE.matcher(message == null ? "" : message.strip()).replaceAll(" ");
        text = POSITION.matcher(text).replaceAll("$1$2#");
        Matcher paths = PATH.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (paths.find()) {
            String path = paths.group();
            String normalised = LIST_INDEX.matcher(path).replaceAll("*");
            if (!normalised.equals(path)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, paths.start()).append(normalised);
                last = paths.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }
}
