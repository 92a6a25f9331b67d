package io.jenkins.plugins.securepipeline.plugin.window;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import io.jenkins.plugins.securepipeline.window.BreakGlass;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Break-glass for a build held by {@code gateBlackoutWindow}: a user with {@link #OVERRIDE_FREEZE} on the job
 * gives a reason and the waiting gate opens. The override (who, why, when) is stored with the build and the gate
 * records it in the audit log when it opens.
 *
 * <p>Both maps are copy-on-write: a change builds a new map under this object's lock and publishes it through a
 * volatile field; a published map is never changed again. {@code WorkflowRun.save()} serializes this action with
 * XStream on whatever thread saves, without this lock, so it must only ever see maps nobody is changing.
 * They stay {@link LinkedHashMap}s so build.xml keeps its format (and order) in both directions.
 */
public class FreezeOverrideAction implements RunAction2 {
    /** Granted per job (or folder) with any authorization strategy; implied by Administer. */
    public static final Permission OVERRIDE_FREEZE =
            new Permission(Run.PERMISSIONS, "OverrideFreeze", null, Jenkins.ADMINISTER, PermissionScope.RUN);

    private volatile Map<String, WaitingGate> waiting = new LinkedHashMap<>();
    private volatile Map<String, GivenOverride> overrides = new LinkedHashMap<>();
    private transient Run<?, ?> run;

    /** Loads this class, and so registers the permission, before the security configuration is read. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void registerPermission() {
        // the static initializer did the work
    }

    /** The action of {@code run}, added on first use (under the run's lock, so parallel gates share one). */
    static FreezeOverrideAction of(Run<?, ?> run) {
        synchronized (run) {
            FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
            if (action == null) {
                action = new FreezeOverrideAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** Removes a gate that stopped waiting and saves the build if it was listed. */
    static void gateFinished(Run<?, ?> run, String gateId) throws IOException {
        FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
        if (action != null && action.removeWaiting(gateId)) {
            run.save();
        }
    }

    static BreakGlass overrideFor(Run<?, ?> run, String gateId) {
        FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
        if (action == null) {
            return null;
        }
        GivenOverride override = action.overrides.get(gateId);
        return override == null ? null : new BreakGlass(override.approver, override.reason);
    }

    /**
     * Lists a waiting gate, or updates its reasons and end. Only memory: the caller saves the build when this
     * returns true (something changed). Holds this object's lock only for the copy, never for I/O.
     */
    synchronized boolean putWaiting(String gateId, String reasons, String until) {
        WaitingGate current = waiting.get(gateId);
        if (current != null && Objects.equals(current.reasons, reasons) && Objects.equals(current.until, until)) {
            return false;
        }
        Map<String, WaitingGate> changed = new LinkedHashMap<>(waiting);
        changed.put(gateId, new WaitingGate(gateId, reasons, until));
        waiting = changed;
        return true;
    }

    /** Takes a gate off the list; true if it was listed (then the caller saves the build). Only memory. */
    synchronized boolean removeWaiting(String gateId) {
        if (!waiting.containsKey(gateId)) {
            return false;
        }
        Map<String, WaitingGate> changed = new LinkedHashMap<>(waiting);
        changed.remove(gateId);
        waiting = changed;
        return true;
    }

    /** Records an override for a listed gate; false if no gate with that ID is waiting. Only memory. */
    synchronized boolean putOverride(String gateId, BreakGlass breakGlass, Instant time) {
        if (!waiting.containsKey(gateId)) {
            return false;
        }
        Map<String, GivenOverride> changed = new LinkedHashMap<>(overrides);
        changed.put(gateId, new GivenOverride(gateId, breakGlass.approver(), breakGlass.reason(), time.toString()));
        overrides = changed;
        return true;
    }

    public List<WaitingGate> getWaitingGates() {
        return new ArrayList<>(waiting.values());
    }

    public List<GivenOverride> getOverrides() {
        return new ArrayList<>(overrides.values());
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public boolean isOverridePermitted() {
        return run != null && run.getParent().hasPermission(OVERRIDE_FREEZE);
    }

    @POST
    public HttpResponse doOverride(@QueryParameter String gateId, @QueryParameter String reason) throws IOException {
        run.getParent().checkPermission(OVERRIDE_FREEZE);
        String approver = Jenkins.getAuthentication2().getName();
        BreakGlass breakGlass;
        try {
            breakGlass = new BreakGlass(approver, reason);
        } catch (IllegalArgumentException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        }
        if (!putOverride(gateId, breakGlass, Instant.now())) {
            return HttpResponses.errorWithoutStack(409, "No change-freeze gate with that ID is waiting in this build.");
        }
        run.save();
        StepExecution.acceptAll(GateBlackoutWindowExecution.class, execution -> {
            if (execution.gateId().equals(gateId)) {
                execution.recheck();
            }
        });
        return HttpResponses.redirectToDot();
    }

    /** A build.xml without a map (written by hand, or cut short) reads as no gates and no overrides. */
    private Object readResolve() {
        if (waiting == null) {
            waiting = new LinkedHashMap<>();
        }
        if (overrides == null) {
            overrides = new LinkedHashMap<>();
        }
        return this;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        // Shown in the build's side panel only while a gate waits; the page stays reachable for the record.
        return waiting.isEmpty() ? null : "symbol-lock-closed";
    }

    @Override
    public String getDisplayName() {
        return "Freeze override";
    }

    @Override
    public String getUrlName() {
        return "freeze-override";
    }

    /** A gate of this build that is waiting for a freeze to end (a plain class: stored in build.xml by XStream). */
    public static final class WaitingGate {
        private final String gateId;
        private final String reasons;
        private final String until;

        WaitingGate(String gateId, String reasons, String until) {
            this.gateId = gateId;
            this.reasons = reasons;
            this.until = until;
        }

        public String getGateId() {
            return gateId;
        }

        public String getReasons() {
            return reasons;
        }

        public String getUntil() {
            return until;
        }
    }

    /** A break-glass override given for one gate. */
    public static final class GivenOverride {
        private final String gateId;
        private final String approver;
        private final String reason;
        private final String time;

        GivenOverride(String gateId, String approver, String reason, String time) {
            this.gateId = gateId;
            this.approver = approver;
            this.reason = reason;
            this.time = time;
        }

        public String getGateId() {
            return gateId;
        }

        public String getApprover() {
            return approver;
        }

        public String getReason() {
            return reason;
        }

        public String getTime() {
            return time;
        }
    }
}
