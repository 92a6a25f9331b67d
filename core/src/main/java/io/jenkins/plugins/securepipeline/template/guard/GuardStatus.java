package io.jenkins.plugins.securepipeline.template.guard;

/** What a Guard rule concluded for one template, as cfn-guard reports it. */
public enum GuardStatus {
    /** The rule's clauses held. */
    PASS,
    /** At least one clause did not hold. */
    FAIL,
    /** The rule did not apply: its {@code when} conditions did not hold, or its queries selected nothing. */
    SKIP;

    /** All must hold: one FAIL fails, else one PASS passes, else nothing applied. */
    static GuardStatus and(GuardStatus a, GuardStatus b) {
        if (a == FAIL || b == FAIL) {
            return FAIL;
        }
        return a == PASS || b == PASS ? PASS : SKIP;
    }

    /** One must hold: one PASS passes, else one FAIL fails, else nothing applied. */
    static GuardStatus or(GuardStatus a, GuardStatus b) {
        if (a == PASS || b == PASS) {
            return PASS;
        }
        return a == FAIL || b == FAIL ? FAIL : SKIP;
    }
}
