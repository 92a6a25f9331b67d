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
 */
public class FreezeOverrideAction implements RunAction2 {
    /** Granted per job (or folder) with any authorization strategy; implied by Administer. */
    public static final Permission OVERRIDE_FREEZE =
            new Permission(Run.PERMISSIONS, "OverrideFreeze", null, Jenkins.ADMINISTER, PermissionScope.RUN);

    private final Map<String, WaitingGate> waiting = new LinkedHashMap<>();
    private final Map<String, GivenOverride> overrides = new LinkedHashMap<>();
    private transient Run<?, ?> run;

    /** Loads this class, and so registers the permission, before the security configuration is read. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void registerPermission() {
        // the static initializer did the work
    }

    static void gateWaiting(Run<?, ?> run, String gateId, String reasons, String until) throws IOException {
        synchronized (run) {
            FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
            if (action == null) {
                action = new FreezeOverrideAction();
                run.addAction(action);
            }
            synchronized (action) {
                action.waiting.put(gateId, new WaitingGate(gateId, reasons, until));
            }
            run.save();
        }
    }

    static void gateFinished(Run<?, ?> run, String gateId) throws IOException {
        synchronized (run) {
            FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
            if (action != null) {
                synchronized (action) {
                    if (action.waiting.remove(gateId) == null) {
                        return;
                    }
                }
                run.save();
            }
        }
    }

    static BreakGlass overrideFor(Run<?, ?> run, String gateId) {
        FreezeOverrideAction action = run.getAction(FreezeOverrideAction.class);
        if (action == null) {
            return null;
        }
        synchronized (action) {
            GivenOverride override = action.overrides.get(gateId);
            return override == null ? null : new BreakGlass(override.approver, override.reason);
        }
    }

    public synchronized List<WaitingGate> getWaitingGates() {
        return new ArrayList<>(waiting.values());
    }

    public synchronized List<GivenOverride> getOverrides() {
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
        synchronized (run) {
            synchronized (this) {
                if (!waiting.containsKey(gateId)) {
                    return HttpResponses.errorWithoutStack(409, "No change-freeze gate with that ID is waiting in this build.");
                }
                overrides.put(gateId, new GivenOverride(gateId, breakGlass.approver(), breakGlass.reason(), Instant.now().toString()));
            }
            run.save();
        }
        StepExecution.acceptAll(GateBlackoutWindowExecution.class, execution -> {
            if (execution.gateId().equals(gateId)) {
                execution.recheck();
            }
        });
        return HttpResponses.redirectToDot();
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
    public synchronized String getIconFileName() {
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
