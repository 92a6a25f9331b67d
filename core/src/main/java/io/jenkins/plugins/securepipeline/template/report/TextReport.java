package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * For people and build logs: one line per finding in the compiler style path:line:column, then a summary. File
 * names and messages come from the scanned files, so control characters in them (a newline that would forge a
 * report line, a terminal escape) are shown escaped, never written raw.
 */
public final class TextReport {
    private TextReport() {}

    public static String render(ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(ScanResult result, Writer out) throws IOException {
        for (TemplateReport template : result.templates()) {
            if (template.error() != null) {
                out.append("ERROR ").append(printable(template.error())).append('\n');
                continue;
            }
            String path = printable(template.path());
            for (Finding f : template.findings()) {
                out.append(path).append(':').append(String.valueOf(f.line())).append(':')
                        .append(String.valueOf(f.column())).append(": ")
                        .append(result.blocks(f) ? "BLOCKING " : "")
                        .append(f.severity().name()).append(' ').append(f.ruleId()).append(' ')
                        .append(printable(f.resource())).append(" (").append(printable(f.resourceType())).append("): ")
                        .append(printable(f.message()));
                if (f.suppressed()) {
                    out.append(" [suppressed by ").append(printable(f.suppression())).append(']');
                } else {
                    if (f.baselined()) {
                        out.append(" [baseline]");
                    }
                    out.append("\n    fix: ").append(f.remediation());
                }
                out.append('\n');
            }
        }
        out.append(summary(result)).append(System.lineSeparator());
        out.flush();
    }

    /**
     * The one-line summary that ends the text report. With a baseline, findings it accepts are counted apart
     * ("N baselined", not in the severities), and entries that matched nothing are named so the baseline can shrink.
     */
    public static String summary(ScanResult result) {
        Map<Severity, Long> counts = result.countsBySeverity();
        ScanResult.BaselineStatus baseline = result.baseline();
        return String.format(Locale.ROOT,
                "%d template(s) scanned, %d unreadable, %d other file(s) skipped; findings: %d critical, %d high, "
                        + "%d medium, %d low, %d suppressed%s; %d blocking (fail on %s)%s",
                result.templates().size() - result.errorCount(), result.errorCount(), result.skipped(),
                counts.get(Severity.CRITICAL), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM),
                counts.get(Severity.LOW), result.suppressedCount(),
                baseline == null ? "" : ", " + result.baselinedCount() + " baselined", result.blockingCount(),
                result.threshold() == null ? "never" : result.threshold().label(),
                baseline == null || baseline.noLongerFound() == 0 ? "" : "; " + noLongerFound(baseline));
    }

    /** "3 baseline entries no longer found" (the fixed or changed findings an updated baseline would drop). */
    public static String noLongerFound(ScanResult.BaselineStatus baseline) {
        return baseline.noLongerFound() + (baseline.noLongerFound() == 1 ? " baseline entry" : " baseline entries")
                + " no longer found";
    }

    /**
     * The text with every character that could change how a terminal or log shows it escaped: C0 and C1 controls,
     * DEL, line and paragraph separators and bidirectional overrides become {@code \n}, {@code \t} or
     * {@code \\uXXXX}.
     */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || c == 0x061c || c == 0xfeff;
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!unsafe) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
