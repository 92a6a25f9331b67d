package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.AbortException;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
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
import java.util.concurrent.RejectedExecutionException;
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
 * timer task of the controller). While closed it waits like {@code sleep}: no executor is held, only the deadline,
 * the gate's identity and what it waits for are persisted, and {@link #onResume()} re-arms the timer after a
 * controller restart.
 *
 * <p>Threads and order. A waiting gate is listed on the build's {@link FreezeOverrideAction} and the build is
 * saved before the log says it waits, so whoever reads "waiting until" can override it, and a restart after that
 * line finds it in build.xml ({@link #onResume()} lists it again in any case). {@link #completed} is flipped
 * under {@link #COMPLETION}, and a decision lists the gate only under that same lock and only while the step is
 * not completed: so once {@link #stop} has run, no decision can list the gate again or complete the step.
 */
public class GateBlackoutWindowExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 1L;
    /** Calendars can change while a gate waits (an admin edit, a Change Calendar); look again at least this often. */
    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final int DECISION_THREADS = 4;
    private static final Logger LOGGER = Logger.getLogger(GateBlackoutWindowExecution.class.getName());
    /**
     * Guards {@link #completed} and listing a gate on its build: held only for memory, never for I/O, so
     * {@link #stop} never waits on a decision that is fetching a calendar or saving the build.
     */
    private static final Object COMPLETION = new Object();

    /** Created on first use; shut down when Jenkins stops ({@link #shutDownDecisionPool}). Guarded by the class. */
    private static ExecutorService decisionPool;
    /** Set between Jenkins stopping and starting again (tests restart Jenkins in the same JVM). Guarded by the class. */
    private static boolean jenkinsStopping;

    private final ArrayList<String> calendarNames;
    private final String inlineWindows;
    private final boolean waitWhenClosed;
    private final long maxWaitSeconds;
    private final String gateId = UUID.randomUUID().toString();
    private long deadlineMillis;
    private volatile String waitingUntil;
    /** The reasons shown on the override page, so {@link #onResume()} can list the gate again as it was. */
    private volatile String waitingReasons;
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

    /**
     * Runs on Jenkins' resume pool (not the CPS VM thread), so it may save the build. A gate that was waiting is
     * listed on the build again before anything else happens, so it can be overridden from the first moment.
     */
    @Override
    public void onResume() {
        if (completed) {
            return;
        }
        String until = waitingUntil;
        if (until != null) {
            try {
                listWaiting(getContext().get(Run.class), waitingReasons == null ? "" : waitingReasons, until);
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "could not list a resumed freeze gate on its build; its next decision tries again", e);
            }
        }
        schedule(0);
    }

    /**
     * Called on the CPS VM thread, possibly while a decision is fetching a calendar: so it takes no lock a decision
     * holds across I/O and does no I/O itself. It takes the gate off the build's page in memory; the build is
     * saved on the decision pool.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        boolean claimed = claimCompletion();
        ScheduledFuture<?> current = task;
        if (current != null) {
            current.cancel(false);
        }
        if (!claimed) {
            return; // a decision has claimed the completion and ends the step itself
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
            if (action != null && action.removeWaiting(gateId)) {
                saveLater(run);
            }
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "could not take a stopped freeze gate off its build", e);
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

    /**
     * Lists this gate on the build's override page and saves the build if that changed anything, unless the step
     * was stopped; false when it was (then the gate stays off the page). The check of {@link #completed} and the
     * listing happen under {@link #COMPLETION}, the lock {@link #stop} flips it under.
     */
    private boolean listWaiting(Run<?, ?> run, String reasons, String until) throws IOException {
        FreezeOverrideAction action = FreezeOverrideAction.of(run);
        boolean changed;
        synchronized (COMPLETION) {
            if (completed) {
                return false;
            }
            changed = action.putWaiting(gateId, reasons, until);
        }
        if (changed) {
            run.save();
        }
        return true;
    }

    private static void saveLater(Run<?, ?> run) {
        try {
            decisionPool().execute(() -> {
                try {
                    run.save();
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.WARNING, "could not save " + run + " after a freeze gate stopped", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Jenkins is stopping: it saves the build itself; the change is already in memory.
            LOGGER.log(Level.FINE, "not saving " + run + " after a freeze gate stopped: Jenkins is stopping", e);
        }
    }

    /** The pool decisions run on; refuses work while Jenkins is stopping. */
    private static synchronized ExecutorService decisionPool() {
        if (jenkinsStopping) {
            throw new RejectedExecutionException("Jenkins is stopping");
        }
        if (decisionPool == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(DECISION_THREADS, DECISION_THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread thread = new Thread(r, "gateBlackoutWindow decision");
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            decisionPool = pool;
        }
        return decisionPool;
    }

    /**
     * Jenkins stops: no new decisions. Queued ones see the pool shut down and end at once; one already running
     * finishes its calendar fetch (bounded by its timeouts) but ends nothing (see {@link #decide}): its gate is
     * still a running step in program.dat, and {@link #onResume()} decides again after the restart. Nothing is
     * interrupted, so no decision fails a build because Jenkins is stopping.
     */
    @Terminator
    public static synchronized void shutDownDecisionPool() {
        jenkinsStopping = true;
        if (decisionPool != null) {
            decisionPool.shutdown();
            decisionPool = null;
        }
    }

    /** Jenkins starts (again, in the same JVM for tests that restart it): decisions may run. */
    @Initializer(after = InitMilestone.STARTED)
    public static synchronized void allowDecisions() {
        jenkinsStopping = false;
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
        if (completed) {
            return;
        }
        task = Timer.get().schedule(this::submitDecision, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    private void submitDecision() {
        try {
            ExecutorService pool = decisionPool();
            pool.execute(() -> decide(pool));
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "Jenkins is stopping; the freeze gate decides again when the build resumes", e);
        }
    }

    /**
     * Synchronized so a timer and an override's {@link #recheck} never decide at the same time. A decision on a
     * pool that was shut down (Jenkins is stopping) ends nothing: the step resumes and decides again.
     */
    private synchronized void decide(ExecutorService pool) {
        if (completed || pool.isShutdown()) {
            return;
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            Instant now = Instant.now();
            BreakGlass breakGlass = FreezeOverrideAction.overrideFor(run, gateId);
            CalendarSet calendars = FreezeCalendars.forGate(run, calendarNames, inlineWindows, now);
            WindowDecision decision = calendars.decide(now, breakGlass);
            if (pool.isShutdown()) {
                return;
            }
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
            if (pool.isShutdown() || !claimCompletion()) {
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
        String reasons = String.join(", ", reasonTexts(decision));
        // The build's page first (and build.xml), the log after: "waiting until" means it can be overridden now.
        if (!listWaiting(run, reasons, until)) {
            return; // stopped while this decision was being made: stop() completed the step
        }
        boolean untilChanged = !until.equals(waitingUntil);
        if (untilChanged || !reasons.equals(waitingReasons)) {
            boolean first = waitingUntil == null;
            waitingUntil = until;
            waitingReasons = reasons;
            getContext().saveState();
            if (first) {
                AuditTrail.record(run, event(run, decision, AuditOutcome.CLOSED, "waiting until " + until));
            }
        }
        if (untilChanged) {
            listener.getLogger().println(describe(decision) + "; waiting until " + until
                    + " (no executor is held). Users with the OverrideFreeze permission can override it on the build's "
                    + "\"Freeze override\" page.");
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
