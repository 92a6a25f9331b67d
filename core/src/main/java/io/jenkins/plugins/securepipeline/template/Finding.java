package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.References;

/**
 * One problem in one resource. A suppressed finding is still reported (marked, with who suppressed it and why),
 * so reviewers see what was waived.
 */
public record Finding(String ruleId, Severity severity, String title, String resource, String resourceType,
        int line, int column, String message, String remediation, References references, boolean suppressed,
        String suppression) {

    public Finding suppressedBy(String how) {
        return new Finding(ruleId, severity, title, resource, resourceType, line, column, message, remediation,
                references, true, how);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, title, resource, resourceType, line, column, message, remediation,
                references, suppressed, suppression);
    }
}
