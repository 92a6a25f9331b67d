package io.jenkins.plugins.securepipeline.plugin.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class GateBlackoutWindowStepTest {
    static final String ALWAYS_FROZEN = "timeZone: UTC\\nwindows:\\n"
            + "  - {name: big-freeze, kind: deny, from: 2000-01-01T00:00, to: 2100-01-01T00:00}\\n";
    /** A daily one-hour freeze that starts about 12 hours from now: open now, with a known next closure. */
    static final String FROZEN_LATER = "timeZone: UTC\\nwindows:\\n  - {name: nightly, kind: deny, cron: '0 "
            + (Instant.now().atZone(ZoneOffset.UTC).getHour() + 12) % 24 + " * * *', duration: 1h}\\n";

    /** Inline YAML (escaped for a Groovy string) of a freeze that started an hour ago and ends after {@code left}. */
    static String frozenForTheNext(Duration left) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        return "timeZone: UTC\\nwindows:\\n  - {name: release-freeze, kind: deny, from: "
                + minute.format(now.minus(Duration.ofHours(1))) + ", to: " + minute.format(now.plus(left)) + "}\\n";
    }

    private static WorkflowJob job(JenkinsRule r, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static List<AuditEvent> audit() throws Exception {
        return AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events();
    }

    @Test
    void openWhenNoFreezeIsOn(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + FROZEN_LATER + "\")\necho 'deploying'");
        WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, p.scheduleBuild2(0));
        r.assertLogContains("Change freeze gate: OPEN", b);
        r.assertLogContains("Next freeze starts at ", b);
        r.assertLogContains("deploying", b);
        assertEquals(AuditOutcome.OPEN, audit().get(0).outcome());
    }

    @Test
    void failsWithTheWindowThatDecided(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + ALWAYS_FROZEN + "\")\necho 'deploying'");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("Change freeze gate: CLOSED", b);
        r.assertLogContains("big-freeze", b);
        r.assertLogContains("onClosed is 'fail'", b);
        r.assertLogNotContains("deploying", b);
        assertEquals(AuditOutcome.CLOSED, audit().get(0).outcome());
    }

    @Test
    void anUnknownCalendarClosesTheGate(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(calendar: 'no-such-calendar')");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("no freeze calendar named 'no-such-calendar' is configured", b);
    }

    @Test
    void mandatoryCalendarsApplyEvenWhenTheJenkinsfileDoesNotNameThem(JenkinsRule r) throws Exception {
        FreezeCalendar freeze = new FreezeCalendar("org-freeze", ALWAYS_FROZEN.replace("\\n", "\n"));
        freeze.setAppliesTo("**");
        SecurePipelineConfiguration.get().setCalendars(List.of(freeze));
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + FROZEN_LATER + "\")");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("big-freeze", b);
    }

    @Test
    void namedCalendarDecides(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setCalendars(List.of(new FreezeCalendar("later", FROZEN_LATER.replace("\\n", "\n"))));
        WorkflowJob p = job(r, "gateBlackoutWindow(calendar: 'later')");
        r.assertBuildStatus(Result.SUCCESS, p.scheduleBuild2(0));
    }

    @Test
    void aFreezeLongerThanMaxWaitFailsAtOnce(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + frozenForTheNext(Duration.ofHours(3))
                + "\", onClosed: 'wait', maxWait: '1h')");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("after maxWait", b);
    }

    @Test
    void badArgumentsAreClearErrors(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + FROZEN_LATER + "\", onClosed: 'sometimes')");
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("onClosed: expected 'wait' or 'fail'", b);
    }

    @Test
    void aWaitingGateStopsWhenTheBuildIsAborted(JenkinsRule r) throws Exception {
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + frozenForTheNext(Duration.ofHours(3))
                + "\", onClosed: 'wait', maxWait: '4h')\necho 'deploying'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("waiting until", b);
        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        r.assertLogNotContains("deploying", b);
        // stop() leaves the override page's clean-up to the decision pool (no I/O on the CPS VM thread).
        FreezeOverrideAction overrides = b.getAction(FreezeOverrideAction.class);
        for (int i = 0; i < 100 && !overrides.getWaitingGates().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), overrides.getWaitingGates());
    }

    @Test
    void breakGlassNeedsThePermissionAndIsAudited(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("dev", "ops")
                .grant(FreezeOverrideAction.OVERRIDE_FREEZE).everywhere().to("ops"));
        WorkflowJob p = job(r, "gateBlackoutWindow(windows: \"" + frozenForTheNext(Duration.ofHours(3))
                + "\", onClosed: 'wait', maxWait: '4h')\necho 'deploying'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("waiting until", b);
        FreezeOverrideAction action = b.getAction(FreezeOverrideAction.class);
        String gateId = action.getWaitingGates().get(0).getGateId();

        try (ACLContext ignored = ACL.as2(User.getById("dev", true).impersonate2())) {
            assertThrows(org.springframework.security.access.AccessDeniedException.class,
                    () -> action.doOverride(gateId, "I want to deploy"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("ops", true).impersonate2())) {
            action.doOverride(gateId, "hotfix for INC-42");
        }
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("overridden by ops: hotfix for INC-42", b);
        r.assertLogContains("deploying", b);
        List<AuditEvent> events = audit();
        assertEquals(AuditOutcome.CLOSED, events.get(0).outcome());
        assertEquals(AuditOutcome.OVERRIDDEN, events.get(1).outcome());
        assertEquals("ops", events.get(1).actor());
        assertEquals(List.of(), action.getWaitingGates());
        assertEquals("hotfix for INC-42", action.getOverrides().get(0).getReason());
    }
}
