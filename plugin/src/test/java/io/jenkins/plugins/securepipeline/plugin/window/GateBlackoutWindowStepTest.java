package io.jenkins.plugins.securepipeline.plugin.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

    /** The gates the build's override page lists as waiting (none before the gate has listed itself). */
    static List<FreezeOverrideAction.WaitingGate> waitingGates(WorkflowRun b) {
        FreezeOverrideAction action = b.getAction(FreezeOverrideAction.class);
        return action == null ? List.of() : action.getWaitingGates();
    }

    /** Polls until {@code condition} holds, for at most a minute: tests wait for state, not for log lines. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Whether some thread is inside a gate's decision (fetching calendars, deciding, listing the gate). */
    private static boolean aDecisionIsRunning() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream).anyMatch(frame ->
                frame.getClassName().equals(GateBlackoutWindowExecution.class.getName()) && frame.getMethodName().equals("decide"));
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
        waitFor("the gate is listed as waiting", () -> waitingGates(b).size() == 1);
        r.waitForMessage("waiting until", b); // the log says so only once the gate is listed (and saved)
        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        r.assertLogNotContains("deploying", b);
        assertEquals(List.of(), waitingGates(b), "stop() takes the gate off the build's page");
    }

    /**
     * The build is aborted while a decision is still fetching a calendar that will say "closed for hours". The
     * decision must then neither list the gate again (nobody could ever override it) nor complete the step.
     */
    @Test
    void aGateStoppedWhileDecidingIsNotListedAgain(JenkinsRule r) throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        DateTimeFormatter ics = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        String freeze = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:freeze\r\n"
                + "DTSTART:" + ics.format(now.minus(Duration.ofHours(1))) + "\r\nDTEND:" + ics.format(now.plus(Duration.ofHours(3)))
                + "\r\nSUMMARY:release freeze\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/freeze.ics", exchange -> {
            fetching.countDown();
            try {
                answer.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = freeze.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            SecurePipelineConfiguration.get().setCalendars(List.of(new FreezeCalendar("slow", "timeZone: UTC\nwindows:\n"
                    + "  - {name: company, kind: deny, ics: 'http://127.0.0.1:" + server.getAddress().getPort() + "/freeze.ics'}\n")));
            WorkflowJob p = job(r, "gateBlackoutWindow(calendar: 'slow', onClosed: 'wait', maxWait: '4h')\necho 'deploying'");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            assertTrue(fetching.await(1, TimeUnit.MINUTES), "the decision fetches the calendar");
            b.doStop();
            r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
            answer.countDown();
            waitFor("the decision has ended", () -> !aDecisionIsRunning());
            assertEquals(List.of(), waitingGates(b));
            r.assertLogNotContains("waiting until", b);
            r.assertLogNotContains("deploying", b);
        } finally {
            answer.countDown();
            server.stop(0);
        }
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
        waitFor("the gate is listed as waiting", () -> waitingGates(b).size() == 1);
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
