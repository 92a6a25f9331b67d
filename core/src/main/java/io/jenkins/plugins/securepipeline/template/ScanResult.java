package io.jenkins.plugins.securepipeline.template;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced. {@code threshold} null means "never block". Files that were read but are not
 * CloudFormation templates are only counted ({@code skipped}).
 */
public record ScanResult(List<TemplateReport> templates, int skipped, Severity threshold) {
    public ScanResult {
        templates = List.copyOf(templates);
    }

    /** A finding blocks when it is not suppressed and at or above the threshold. */
    public boolean blocks(Finding finding) {
        return threshold != null && !finding.suppressed() && finding.severity().compareTo(threshold) >= 0;
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

    public long suppressedCount() {
        return templates.stream().flatMap(t -> t.findings().stream()).filter(Finding::suppressed).count();
    }

    /** Unsuppressed findings per severity. */
    public Map<Severity, Long> countsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        templates.stream().flatMap(t -> t.findings().stream()).filter(f -> !f.suppressed())
                .forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }
}
