package io.jenkins.plugins.securepipeline.audit;

import java.util.List;

/**
 * What {@link AuditLog#read} found: the events it could parse and, by line, everything wrong with the file.
 * An empty problem list means the chain is intact from the first line to the last.
 */
public record AuditLogContents(List<AuditEvent> events, List<String> problems) {
    public AuditLogContents {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
