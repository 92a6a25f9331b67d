package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;
import java.util.List;

/**
 * What a rule is: our stable ID (never reused), default severity, a one-line title, the resource types it looks at,
 * how to fix what it finds, and the peer IDs it corresponds to.
 */
public record RuleInfo(String id, Severity severity, String title, List<String> resourceTypes, String remediation,
        References references) {
    public RuleInfo {
        if (!id.matches("ASP-[A-Z0-9]+-\\d{3}")) {
            throw new IllegalArgumentException("rule IDs look like ASP-S3-001: " + id);
        }
        resourceTypes = List.copyOf(resourceTypes);
    }
}
