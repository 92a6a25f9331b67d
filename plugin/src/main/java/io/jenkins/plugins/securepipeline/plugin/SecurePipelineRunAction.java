package io.jenkins.plugins.securepipeline.plugin;

import hudson.model.Run;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.RunAction2;

/**
 * The "Secure pipeline" page of a build: every decision its steps made (roles assumed, gates, scans, pushes,
 * verifications), in order. Stored in build.xml, which is why entries hold identifiers only, never secrets
 * ({@link AuditEvent} refuses secret-named fields).
 */
public class SecurePipelineRunAction implements RunAction2 {
    private final List<Entry> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    void add(AuditEvent event) {
        synchronized (entries) {
            entries.add(new Entry(event));
        }
    }

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

    /** One decision as stored in build.xml: plain fields, so XStream needs no converter. */
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
        public String getTime() {
            return Instant.ofEpochMilli(timeMillis).toString();
        }

        public String getStep() {
            return step;
        }

        public String getOutcome() {
            return outcome;
        }

        public String getReason() {
            return reason;
        }

        public String getActor() {
            return actor;
        }

        public Map<String, String> getSubject() {
            return subject == null ? Map.of() : subject;
        }
    }
}
