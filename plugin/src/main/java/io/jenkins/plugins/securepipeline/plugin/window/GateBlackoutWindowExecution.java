package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.window.BreakGlass;
import io.jenkins.plugins.securepipeline.window.CalendarSet;
import io.jenkins.plugins.securepipeline.window.WindowDecision;
import io.jenkins.plugins.securepipeline.window.WindowReason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Decides on a small pool of its own (never the CPS VM thread, and not on Jenkins' shared {@link Timer}, which
 * only schedules: calendars may fetch iCalendar URLs or ask AWS, and a slow calendar must not delay every other
 * timer task of the controller). While closed it waits like {@code sleep}: no executor is held, only the deadline
 * and the gate's identity are persisted, and {@link #onResume()} re-arms the timer after a controller restart.
 */
public class GateBlackoutWindowExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 1L;
    /** Calendars can change while a gate waits (an admin edit, a Change Calendar); look again at least this often. */
    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final Logger LOGGER = Logger.getLogger(GateBlackoutWindowExecution.class.getName());
    private static final ExecutorService DECISIONS = decisionPool();
    /** Guards only the flip of {@link #completed}: held for no I/O, so {@link #stop} never waits on a decision. */
    private static final Object COMPLETION = new Object();

    private final ArrayList<String> calendarNames;
    private final String inlineWindows;
    private final boolean waitWhenClosed;
    private final long maxWaitSeconds;
    private final String gateId = UUID.randomUUID().toString();
    private long deadlineMillis;
    private String waitingUntil;
    private volatile boolean completed;

    private transient volatile ScheduledFuture<?> task;

    GateBlackoutWindowExecution(StepContext context, List<String> calendarNames, String inlineWindows,
            boolean waitWhenClosed, Duration maxWait) {
        super(context);
        // Plain serializable types only: this object is saved with the pipeline and read back after a restart.
        this.calendarNames = new ArrayList<>(calendarNames);
        this.inlineWindows = inlineWindows;
        this.waitWhenClosed = waitWhenClosed;
        this.maxWaitSeconds = maxWait.toSeconds();
    }

    String gateId() {
        return gateId;
    }

    @Override
    public boolean start() {
        deadlineMillis = System.currentTimeMillis() + maxWaitSeconds * 1000;
        schedule(0);
        return false;
    }

    @Override
    public void onResume() {
        schedule(0);
    }

    /**
     * Called on the CPS VM thread, possibly while a decision is fetching a calendar: so it takes no lock a decision
     * holds and does no I/O itself. Removing the gate from the override page happens on the decision pool.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        boolean claimed = claimCompletion();
        ScheduledFuture<?> current = task;
        if (current != null) {
            current.cancel(false);
        }
        if (claimed) {
            Run<?, ?> run = getContext().get(Run.class);
            DECISIONS.execute(() -> {
                try {
                    FreezeOverrideAction.gateFinished(run, gateId);
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.WARNING, "could not remove a stopped freeze gate from " + run, e);
                }
            });
        }
        super.stop(cause);
    }

    /** True for exactly one caller: the one that completes this step (a decision or {@link #stop}). */
    private boolean claimCompletion() {
        synchronized (COMPLETION) {
            if (completed) {
                return false;
            }
            completed = true;
            return true;
        }
    }

    private static ExecutorService decisionPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "gateBlackoutWindow decision");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public String getStatus() {
        if (waitingUntil == null) {
            return "checking the freeze calendars";
        }
        return "waiting for the change freeze to end at " + waitingUntil + "; gives up at "
                + Instant.ofEpochMilli(deadlineMillis);
    }

    /** A break-glass override was recorded for this gate: decide again now instead of at the next timer. */
    void recheck() {
        ScheduledFuture<?> current = task;
        if (current != null) {
            current.cancel(false);
        }
        schedule(0);
    }

    private void schedule(long delayMillis) {
        task = Timer.get().schedule(() -> DECISIONS.execute(this::decide), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    /** Synchronized so a timer and an override's {@link #recheck} never decide at the same time. */
    private synchronized void decide() {
        if (completed) {
            return;
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            Instant now = Instant.now();
            BreakGlass breakGlass = FreezeOverrideAction.overrideFor(run, gateId);
            CalendarSet calendars = FreezeCalendars.forGate(run, calendarNames, inlineWindows, now);
            WindowDecision decision = calendars.decide(now, breakGlass);
            if (decision.isOpen()) {
                finish(run, listener, decision, null);
            } else if (!waitWhenClosed) {
                finish(run, listener, decision, "the change freeze is on and onClosed is 'fail'");
            } else if (decision.closedUntil() == null || decision.closedUntil().toEpochMilli() > deadlineMillis) {
                finish(run, listener, decision, decision.closedUntil() == null
                        ? "the freeze has no known end within the calendars' horizon"
                        : "the freeze ends at " + decision.closedUntil() + ", after maxWait (" + Duration.ofSeconds(maxWaitSeconds) + ") runs out at "
                                + Instant.ofEpochMilli(deadlineMillis));
            } else {
                keepWaiting(run, listener, decision, now);
            }
        } catch (Exception e) {
            if (!claimCompletion()) {
                return;
            }
            try {
                FreezeOverrideAction.gateFinished(getContext().get(Run.class), gateId);
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            getContext().onFailure(e);
        }
    }

    private void keepWaiting(Run<?, ?> run, TaskListener listener, WindowDecision decision, Instant now) throws Exception {
        String until = decision.closedUntil().toString();
        if (!until.equals(waitingUntil)) {
            boolean first = waitingUntil == null;
            waitingUntil = until;
            listener.getLogger().println(describe(decision) + "; waiting until " + until
                    + " (no executor is held). Users with the OverrideFreeze permission can override it on the build's "
                    + "\"Freeze override\" page.");
            if (first) {
                FreezeOverrideAction.gateWaiting(run, gateId, String.join(", ", reasonTexts(decision)), until);
                AuditTrail.record(run, event(run, decision, AuditOutcome.CLOSED, "waiting until " + until));
            }
            getContext().saveState();
        }
        long untilMillis = decision.closedUntil().toEpochMilli() - now.toEpochMilli();
        schedule(Math.min(untilMillis, RECHECK.toMillis()));
    }

    private void finish(Run<?, ?> run, TaskListener listener, WindowDecision decision, String failure) throws Exception {
        if (!claimCompletion()) {
            return; // stopped while this decision was being made
        }
        try {
            complete(run, listener, decision, failure);
        } catch (Exception e) {
            getContext().onFailure(e); // this decision owns the completion, so it must still end the step
        }
    }

    private void complete(Run<?, ?> run, TaskListener listener, WindowDecision decision, String failure) throws Exception {
        FreezeOverrideAction.gateFinished(run, gateId);
        if (failure == null) {
            AuditOutcome outcome = decision.breakGlass() != null ? AuditOutcome.OVERRIDDEN : AuditOutcome.OPEN;
            String why = decision.breakGlass() != null
                    ? "overridden by " + decision.breakGlass().approver() + ": " + decision.breakGlass().reason()
                    : decision.failedOpen() ? "a calendar could not be read and is set to fail open" : "no freeze is on";
            AuditTrail.record(run, event(run, decision, outcome, why));
            listener.getLogger().println(describe(decision) + (decision.breakGlass() != null ? " (" + why + ")" : ""));
            getContext().onSuccess(null);
            return;
        }
        AuditTrail.record(run, event(run, decision, AuditOutcome.CLOSED, failure));
        listener.getLogger().println(describe(decision));
        getContext().onFailure(new AbortException("gateBlackoutWindow: " + failure + ". " + String.join("; ", reasonTexts(decision))));
    }

    private static String describe(WindowDecision decision) {
        StringBuilder text = new StringBuilder("Change freeze gate: ").append(decision.state());
        if (decision.breakGlass() != null) {
            text.append(" (the calendars say ").append(decision.calendarState()).append(")");
        }
        List<String> reasons = reasonTexts(decision);
        if (!reasons.isEmpty()) {
            text.append(": ").append(String.join("; ", reasons));
        }
        if (decision.isOpen() && decision.nextClosure() != null) {
            text.append(". Next freeze starts at ").append(decision.nextClosure());
        }
        return text.toString();
    }

    private static List<String> reasonTexts(WindowDecision decision) {
        return decision.reasons().stream().map(GateBlackoutWindowExecution::reasonText).toList();
    }

    private static String reasonText(WindowReason reason) {
        String span = reason.start() == null ? "" : " (" + reason.start() + " to " + reason.end() + ")";
        return reason.message() + span;
    }

    private AuditEvent event(Run<?, ?> run, WindowDecision decision, AuditOutcome outcome, String why) {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("calendars", String.join(",", calendarNames));
        subject.put("inlineWindows", String.valueOf(inlineWindows != null));
        subject.put("calendarState", decision.calendarState().name());
        if (decision.closedUntil() != null) {
            subject.put("closedUntil", decision.closedUntil().toString());
        }
        if (!decision.reasons().isEmpty()) {
            subject.put("windows", String.join(",", decision.reasons().stream()
                    .map(r -> r.window() == null ? r.kind() : r.window()).toList()));
        }
        String actor = decision.breakGlass() != null ? decision.breakGlass().approver() : BuildIdentity.triggeringUser(run);
        return new AuditEvent(Instant.now(), "gateBlackoutWindow", outcome, why, actor, BuildIdentity.buildId(run), subject);
    }
}
