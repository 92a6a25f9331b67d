package io.jenkins.plugins.securepipeline.plugin;

import hudson.model.Run;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import java.io.IOException;

/**
 * Where every decision of a step goes: the controller's append-only audit log (for the security team, kept
 * outside any build) and the build's own report (for the people looking at the build). Both or an exception:
 * a step that cannot audit its decision fails rather than acting unrecorded.
 */
public final class AuditTrail {
    private AuditTrail() {}

    public static void record(Run<?, ?> run, AuditEvent event) throws IOException {
        SecurePipelineConfiguration.get().auditLog().append(event);
        // Parallel branches of one build record concurrently; one report action per build.
        synchronized (run) {
            SecurePipelineRunAction.of(run).add(event);
            run.save();
        }
    }
}
