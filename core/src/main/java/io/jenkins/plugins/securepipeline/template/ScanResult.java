package io.jenkins.plugins.securepipeline.template;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced. {@code threshold} null means "never block". Files that were read but are not
 * CloudFormation templates are only counted ({@code skipped}). {@code baseline} says which baseline was applied and
 * how it matched (null when none was).
 */
public record ScanResult(List<TemplateReport> templates, int skipped, Severity threshold, BaselineStatus baseline) {
    public ScanResult {
        templates = List.copyOf(templates);
    }

    public ScanResult(List<TemplateReport> templates, int skipped, Severity threshold) {
        this(templates, skipped, threshold, null);
    }

    /**
     * What applying a baseline did: the baseline's name as reports show it, its entries, how many findings they
     * matched, and how many entries matched nothing (the problem was fixed or changed, so the baseline can shrink).
     */
    public record BaselineStatus(String file, int entries, int matched, int noLongerFound) {}

    /** A finding blocks when it is neither suppressed nor in the baseline, and at or above the threshold. */
    public boolean blocks(Finding finding) {
        return threshold != null && !finding.suppressed() && !finding.baselined()
                && finding.severity().compareTo(threshold) >= 0;
    }

    public long blockingCount() {
        return templates.stream().flatMap(t -> t.findings().stream()).filter(this::blocks).count();
    }

    public long errorCount() {
        return templates.stream().filter(t -> t.error() != null).count();
    }

    public long findingCount() {
        return templates.stream().mapToLong(t -> t.findings().size()).sum();
    }

    /** Findings suppressed in the template (Metadata); baselined findings are counted apart. */
    public long suppressedCount() {
        return templates.stream().flatMap(t -> t.findings().stream()).filter(Finding::suppressed).count();
    }

    /** Findings accepted by the baseline (never counted as suppressed as well). */
    public long baselinedCount() {
        return templates.stream().flatMap(t -> t.findings().stream()).filter(f -> !f.suppressed() && f.baselined())
                .count();
    }

    /** Open findings per severity: neither suppressed nor in the baseline. */
    public Map<Severity, Long> countsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        templates.stream().flatMap(t -> t.findings().stream()).filter(f -> !f.suppressed() && !f.baselined())
                .forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }
}
