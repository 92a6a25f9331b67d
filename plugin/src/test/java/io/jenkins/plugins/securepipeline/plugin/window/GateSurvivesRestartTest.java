package io.jenkins.plugins.securepipeline.plugin.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A waiting gate holds no executor and comes back after a controller restart, still waiting and still overridable. */
class GateSurvivesRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void waitingGateResumesAfterRestart() throws Throwable {
        sessions.then(r -> {
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("gateBlackoutWindow(windows: \"" + GateBlackoutWindowStepTest
                    .frozenForTheNext(Duration.ofHours(3)) + "\", onClosed: 'wait', maxWait: '4h')\necho 'deploying'", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("waiting until", b);
            assertEquals(0, r.jenkins.toComputer().countBusy(), "a waiting gate holds no executor");
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            FreezeOverrideAction action = b.getAction(FreezeOverrideAction.class);
            assertEquals(1, action.getWaitingGates().size(), "still waiting after the restart");
            action.doOverride(action.getWaitingGates().get(0).getGateId(), "verified the rollback plan");
            r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
            r.assertLogContains("deploying", b);
        });
    }
}
