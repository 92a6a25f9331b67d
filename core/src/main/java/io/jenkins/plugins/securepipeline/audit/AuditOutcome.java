package io.jenkins.plugins.securepipeline.audit;

/** What a decision came to; one vocabulary for all five steps so that the log can be filtered by outcome. */
public enum AuditOutcome {
    /** A role assumption or promotion was permitted by policy and succeeded. */
    ALLOWED,
    /** Policy refused before any call was made. */
    DENIED,
    /** A freeze gate found no active freeze. */
    OPEN,
    /** A freeze gate found an active freeze. */
    CLOSED,
    /** A named approver overrode a closed gate (break-glass). */
    OVERRIDDEN,
    /** A check (scan, hash, signature) found nothing blocking. */
    PASSED,
    /** A check found something blocking. */
    BLOCKED,
    /** The operation could not be carried out (service refused, unreadable input); the step failed closed. */
    FAILED
}
