package io.jenkins.plugins.securepipeline.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Parallel branches of one build record decisions and findings while a save on another thread serializes the
 * build's report (XStream reads the fields without the action's lock). With lists changed in place, the reading
 * thread runs into a ConcurrentModificationException. Needs no Jenkins.
 */
class SecurePipelineRunActionConcurrencyTest {
    private static final int BRANCHES = 4;
    private static final int PER_BRANCH = 2_000;

    @Test
    void decisionsRecordedInParallelCanBeSavedMeanwhile() throws Exception {
        SecurePipelineRunAction report = new SecurePipelineRunAction();
        StoredFields.readWhileWriting(report, branches(i -> report.add(new AuditEvent(Instant.now(), "gateBlackoutWindow",
                AuditOutcome.OPEN, "decision " + i, "alice", "job#1", Map.of("calendars", "prod-freeze")))));
        assertEquals(BRANCHES * PER_BRANCH, report.getEntries().size());
    }

    @Test
    void findingsRecordedInParallelCanBeSavedMeanwhile() throws Exception {
        SecurePipelineRunAction report = new SecurePipelineRunAction();
        StoredFields.readWhileWriting(report, branches(i -> report.addFindings(List.of(new SecurePipelineRunAction.FindingRow(
                "stack.yaml", i, "high", "S3_PUBLIC", "Bucket" + i, "public bucket", true, false)))));
        assertEquals(SecurePipelineRunAction.MAX_FINDINGS, report.getFindings().size());
    }

    private interface Step {
        void record(int i) throws Exception;
    }

    private static List<Callable<Void>> branches(Step step) {
        List<Callable<Void>> branches = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
            branches.add(() -> {
                for (int i = 0; i < PER_BRANCH; i++) {
                    step.record(i);
                }
                return null;
            });
        }
        return branches;
    }
}
