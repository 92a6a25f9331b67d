package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.References;

/**
 * One problem in one resource. A suppressed finding is still reported (marked, with who suppressed it and why),
 * so reviewers see what was waived. A finding recorded in a baseline ({@code baseline}: the baseline file's name,
 * null when it is not in one) is reported too, marked as such; neither blocks.
 */
public record Finding(String ruleId, Severity severity, String title, String resource, String resourceType,
        int line, int column, String message, String remediation, References references, boolean suppressed,
        String suppression, String baseline) {

    /** A finding in no baseline (what the scanner and the Guard rules produce). */
    public Finding(String ruleId, Severity severity, String title, String resource, String resourceType,
            int line, int column, String message, String remediation, References references, boolean suppressed,
            String suppression) {
        this(ruleId, severity, title, resource, resourceType, line, column, message, remediation, references,
                suppressed, suppression, null);
    }

    public Finding suppressedBy(String how) {
        return new Finding(ruleId, severity, title, resource, resourceType, line, column, message, remediation,
                references, true, how, baseline);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, title, resource, resourceType, line, column, message, remediation,
                references, suppressed, suppression, baseline);
    }

    /** This finding, marked as recorded in the baseline {@code file} (the name reports show). */
    public Finding inBaseline(String file) {
        return new Finding(ruleId, severity, title, resource, resourceType, line, column, message, remediation,
                references, suppressed, suppression, file);
    }

    /** Whether a baseline accepted this finding as known; it is then reported but does not block. */
    public boolean baselined() {
        return baseline != null;
    }
}
