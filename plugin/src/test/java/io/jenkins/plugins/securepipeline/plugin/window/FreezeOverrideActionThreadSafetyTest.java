package io.jenkins.plugins.securepipeline.plugin.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securepipeline.plugin.StoredFields;
import io.jenkins.plugins.securepipeline.window.BreakGlass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Gates of parallel branches come and go, and overrides are given, while a save on another thread serializes the
 * build's freeze-override action (XStream reads the fields without the action's lock). No Jenkins is started, but
 * loading the action registers its permission, so this needs Jenkins core's classes (not only the offline stubs).
 */
class FreezeOverrideActionThreadSafetyTest {
    private static final int BRANCHES = 4;
    private static final int GATES_PER_BRANCH = 1_000;

    @Test
    void gatesListedAndOverriddenInParallelCanBeSavedMeanwhile() throws Exception {
        FreezeOverrideAction action = new FreezeOverrideAction();
        List<Callable<Void>> branches = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
            String branch = "branch-" + b;
            branches.add(() -> {
                for (int i = 0; i < GATES_PER_BRANCH; i++) {
                    String gateId = branch + "-" + i;
                    action.putWaiting(gateId, "deny window 'release-freeze' is active", "2030-01-01T00:00:00Z");
                    action.putWaiting(gateId, "deny window 'release-freeze' is active", "2030-01-02T00:00:00Z");
                    assertTrue(action.putOverride(gateId, new BreakGlass("ops", "hotfix " + i), Instant.now()));
                    if (i % 2 == 0) {
                        assertTrue(action.removeWaiting(gateId));
                    }
                }
                return null;
            });
        }
        StoredFields.readWhileWriting(action, branches);
        assertEquals(BRANCHES * GATES_PER_BRANCH / 2, action.getWaitingGates().size());
        assertEquals(BRANCHES * GATES_PER_BRANCH, action.getOverrides().size());
        assertEquals("2030-01-02T00:00:00Z", action.getWaitingGates().get(0).getUntil());
    }

    @Test
    void aRemovedGateCannotBeOverridden() {
        FreezeOverrideAction action = new FreezeOverrideAction();
        action.putWaiting("gate", "deny window 'release-freeze' is active", "2030-01-01T00:00:00Z");
        assertTrue(action.removeWaiting("gate"));
        assertEquals(false, action.putOverride("gate", new BreakGlass("ops", "too late"), Instant.now()));
        assertEquals(List.of(), action.getOverrides());
    }
}
