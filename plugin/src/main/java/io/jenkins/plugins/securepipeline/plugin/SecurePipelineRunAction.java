package io.jenkins.plugins.securepipeline.plugin;

import hudson.model.Run;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The "Secure pipeline" page of a build: every decision its steps made (roles assumed, gates, scans, pushes,
 * verifications), in order. Stored in build.xml, which is why entries hold identifiers only, never secrets
 * ({@link AuditEvent} refuses secret-named fields).
 *
 * <p>Both lists are copy-on-write: a change builds a new list under this object's lock and publishes it through a
 * volatile field; a published list is never changed again. Parallel branches record while {@code WorkflowRun.save()}
 * serializes this action with XStream on another thread, without this lock. They stay {@link ArrayList}s so
 * build.xml keeps its format in both directions. A build records tens of decisions, so copying is cheap.
 */
@ExportedBean
public class SecurePipelineRunAction implements RunAction2 {
    /** How many template findings a build keeps for its page; the full list is in the step's JSON/SARIF reports. */
    static final int MAX_FINDINGS = 500;

    private volatile List<Entry> entries = new ArrayList<>();
    private volatile List<FindingRow> findings = new ArrayList<>();
    private transient Run<?, ?> run;

    /** The action of {@code run}, added on first use. Callers hold the run's monitor and save the run. */
    static SecurePipelineRunAction of(Run<?, ?> run) {
        SecurePipelineRunAction report = run.getAction(SecurePipelineRunAction.class);
        if (report == null) {
            report = new SecurePipelineRunAction();
            run.addAction(report);
        }
        return report;
    }

    /** Keeps template findings for the page (most severe first), up to {@link #MAX_FINDINGS} per build. */
    public static void addFindings(Run<?, ?> run, List<FindingRow> rows) throws java.io.IOException {
        synchronized (run) {
            of(run).addFindings(rows);
            run.save();
        }
    }

    synchronized void addFindings(List<FindingRow> rows) {
        if (findings != null && findings.size() >= MAX_FINDINGS) {
            return;
        }
        List<FindingRow> kept = findings == null ? new ArrayList<>() : new ArrayList<>(findings);
        for (FindingRow row : rows) {
            if (kept.size() >= MAX_FINDINGS) {
                break;
            }
            kept.add(row);
        }
        findings = kept;
    }

    @Exported(inline = true)
    public List<FindingRow> getFindings() {
        List<FindingRow> current = findings;
        return current == null ? List.of() : List.copyOf(current);
    }

    synchronized void add(AuditEvent event) {
        List<Entry> more = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
        more.add(new Entry(event));
        entries = more;
    }

    /** Also in the REST API: {@code <build>/api/json?tree=actions[entries[*]]}. */
    @Exported(inline = true)
    public List<Entry> getEntries() {
        List<Entry> current = entries;
        return current == null ? List.of() : List.copyOf(current);
    }

    public Run<?, ?> getRun() {
        return run;
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
        return "symbol-lock-closed";
    }

    @Override
    public String getDisplayName() {
        return "Secure pipeline";
    }

    @Override
    public String getUrlName() {
        return "secure-pipeline";
    }

    /** How many decisions of each outcome, for the summary on the build's main page. */
    public java.util.Map<String, Integer> getOutcomeCounts() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Entry entry : getEntries()) {
            counts.merge(entry.getStep() + " " + entry.getOutcome(), 1, Integer::sum);
        }
        return counts;
    }

    /** One template finding as shown on the page: where, how bad, which rule, what to fix. */
    @ExportedBean(defaultVisibility = 2)
    public static final class FindingRow {
        private final String file;
        private final int line;
        private final String severity;
        private final String ruleId;
        private final String resource;
        private final String message;
        private final boolean blocking;
        private final boolean suppressed;
        private final boolean baselined;

        public FindingRow(String file, int line, String severity, String ruleId, String resource, String message,
                boolean blocking, boolean suppressed) {
            this(file, line, severity, ruleId, resource, message, blocking, suppressed, false);
        }

        /** {@code baselined}: recorded in the pipeline's baseline, so reported but not blocking. */
        public FindingRow(String file, int line, String severity, String ruleId, String resource, String message,
                boolean blocking, boolean suppressed, boolean baselined) {
            this.file = file;
            this.line = line;
            this.severity = severity;
            this.ruleId = ruleId;
            this.resource = resource;
            this.message = message;
            this.blocking = blocking;
            this.suppressed = suppressed;
            this.baselined = baselined;
        }

        @Exported
        public String getFile() {
            return file;
        }

        @Exported
        public int getLine() {
            return line;
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public String getRuleId() {
            return ruleId;
        }

        @Exported
        public String getResource() {
            return resource;
        }

        @Exported
        public String getMessage() {
            return message;
        }

        @Exported
        public boolean isBlocking() {
            return blocking;
        }

        @Exported
        public boolean isSuppressed() {
            return suppressed;
        }

        /** Recorded in the pipeline's baseline: reported, not blocking (false in builds from before baselines). */
        @Exported
        public boolean isBaselined() {
            return baselined;
        }
    }

    /** One decision as stored in build.xml: plain fields, so XStream needs no converter. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Entry {
        private final long timeMillis;
        private final String step;
        private final String outcome;
        private final String reason;
        private final String actor;
        private final TreeMap<String, String> subject;

        Entry(AuditEvent event) {
            this.timeMillis = event.time().toEpochMilli();
            this.step = event.step();
            this.outcome = event.outcome().name();
            this.reason = event.reason();
            this.actor = event.actor();
            this.subject = new TreeMap<>(event.subject());
        }

        public long getTimeMillis() {
            return timeMillis;
        }

        /** ISO-8601 in UTC, the form the audit log uses, so both can be compared by eye. */
        @Exported
        public String getTime() {
            return Instant.ofEpochMilli(timeMillis).toString();
        }

        @Exported
        public String getStep() {
            return step;
        }

        @Exported
        public String getOutcome() {
            return outcome;
        }

        @Exported
        public String getReason() {
            return reason;
        }

        @Exported
        public String getActor() {
            return actor;
        }

        @Exported
        public Map<String, String> getSubject() {
            return subject == null ? Map.of() : subject;
        }
    }
}
