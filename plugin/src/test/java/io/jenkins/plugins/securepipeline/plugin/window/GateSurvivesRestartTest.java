package io.jenkins.plugins.securepipeline.plugin.window;

import static io.jenkins.plugins.securepipeline.plugin.window.GateBlackoutWindowStepTest.waitFor;
import static io.jenkins.plugins.securepipeline.plugin.window.GateBlackoutWindowStepTest.waitingGates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A waiting gate holds no executor and comes back after a controller restart, still waiting and still overridable. */
class GateSurvivesRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static WorkflowRun startWaitingGate(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("gateBlackoutWindow(windows: \"" + GateBlackoutWindowStepTest
                .frozenForTheNext(Duration.ofHours(3)) + "\", onClosed: 'wait', maxWait: '4h')\necho 'deploying'", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        waitFor("the gate is listed as waiting", () -> waitingGates(b).size() == 1);
        r.waitForMessage("waiting until", b); // logged once the step has recorded what it waits for (saveState)
        return b;
    }

    private static void overrideAndFinish(JenkinsRule r, WorkflowRun b) throws Exception {
        FreezeOverrideAction action = b.getAction(FreezeOverrideAction.class);
        action.doOverride(action.getWaitingGates().get(0).getGateId(), "verified the rollback plan");
        r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
        r.assertLogContains("deploying", b);
        assertEquals(0, waitingGates(b).size());
    }

    @Test
    void waitingGateResumesAfterRestart() throws Throwable {
        sessions.then(r -> {
            startWaitingGate(r);
            assertEquals(0, r.jenkins.toComputer().countBusy(), "a waiting gate holds no executor");
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            assertEquals(1, waitingGates(b).size(), "still listed after the restart: build.xml was saved first");
            overrideAndFinish(r, b);
        });
    }

    /** A build.xml saved without the gate (as older versions could leave it) is mended when the step resumes. */
    @Test
    void aGateMissingFromTheBuildIsListedAgainWhenItResumes() throws Throwable {
        sessions.then(r -> {
            WorkflowRun b = startWaitingGate(r);
            FreezeOverrideAction action = b.getAction(FreezeOverrideAction.class);
            assertTrue(action.removeWaiting(action.getWaitingGates().get(0).getGateId()));
            b.save();
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            waitFor("the resumed gate is listed again", () -> waitingGates(b).size() == 1);
            overrideAndFinish(r, b);
        });
    }
}
