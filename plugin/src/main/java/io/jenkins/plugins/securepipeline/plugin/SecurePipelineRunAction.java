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
 */
@ExportedBean
public class SecurePipelineRunAction implements RunAction2 {
    private final List<Entry> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    void add(AuditEvent event) {
        synchronized (entries) {
            entries.add(new Entry(event));
        }
    }

    /** Also in the REST API: {@code <build>/api/json?tree=actions[entries[*]]}. */
    @Exported(inline = true)
    public List<Entry> getEntries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
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
