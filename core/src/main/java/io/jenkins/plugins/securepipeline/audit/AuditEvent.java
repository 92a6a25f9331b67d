package io.jenkins.plugins.securepipeline.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One decision: who (actor), in which build, which step, about what (subject: role ARN, account, digest, window),
 * what came of it and why. Events are written to the append-only {@link AuditLog} and shown on the build.
 *
 * <p>Events must never carry secrets. The subject is for identifiers only; keys that name a secret are refused
 * outright, so a careless caller fails in tests instead of leaking into a log that is kept for years.
 *
 * @param build a build identifier such as {@code folder/job#42}; empty outside Jenkins
 */
public record AuditEvent(
        Instant time, String step, AuditOutcome outcome, String reason, String actor, String build,
        Map<String, String> subject) {

    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(secret|password|passphrase|token|privatekey|private_key).*");
    private static final int MAX_TEXT = 4096;

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        requireText(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        reason = limit(reason == null ? "" : reason);
        actor = limit(actor == null ? "" : actor);
        build = limit(build == null ? "" : build);
        TreeMap<String, String> copy = new TreeMap<>();
        if (subject != null) {
            subject.forEach((key, value) -> {
                requireText(key, "subject key");
                if (SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
                    throw new IllegalArgumentException("audit subject key '" + key
                            + "' names a secret; audit events carry identifiers only");
                }
                copy.put(key, limit(Objects.requireNonNull(value, "subject value of " + key)));
            });
        }
        subject = Collections.unmodifiableMap(copy);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit event " + field + " must not be empty");
        }
    }

    /** Long values (a policy document pasted into a reason) would bloat a log kept for years; cut them. */
    private static String limit(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
