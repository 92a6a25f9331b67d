package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import java.util.Locale;
import java.util.Map;

/** For people and build logs: one line per finding in the compiler style path:line:column, then a summary. */
public final class TextReport {
    private TextReport() {}

    public static String render(ScanResult result) {
        StringBuilder out = new StringBuilder();
        for (TemplateReport template : result.templates()) {
            if (template.error() != null) {
                out.append("ERROR ").append(template.error()).append('\n');
                continue;
            }
            for (Finding f : template.findings()) {
                out.append(template.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                        .append(result.blocks(f) ? "BLOCKING " : "")
                        .append(f.severity().name()).append(' ').append(f.ruleId()).append(' ')
                        .append(f.resource()).append(" (").append(f.resourceType()).append("): ")
                        .append(f.message());
                if (f.suppressed()) {
                    out.append(" [suppressed by ").append(f.suppression()).append(']');
                } else {
                    out.append("\n    fix: ").append(f.remediation());
                }
                out.append('\n');
            }
        }
        Map<Severity, Long> counts = result.countsBySeverity();
        out.append(String.format(Locale.ROOT,
                "%d template(s) scanned, %d unreadable, %d other file(s) skipped; findings: %d critical, %d high, "
                        + "%d medium, %d low, %d suppressed; %d blocking (fail on %s)%n",
                result.templates().size() - result.errorCount(), result.errorCount(), result.skipped(),
                counts.get(Severity.CRITICAL), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM),
                counts.get(Severity.LOW), result.suppressedCount(), result.blockingCount(),
                result.threshold() == null ? "never" : result.threshold().label()));
        return out.toString();
    }
}
