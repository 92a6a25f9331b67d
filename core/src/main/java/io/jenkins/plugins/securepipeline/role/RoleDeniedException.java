package io.jenkins.plugins.securepipeline.role;

import java.util.Objects;

/** The admin's account policy does not allow this job to assume this role; no AWS call was made. */
public final class RoleDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PolicyDecision decision;

    public RoleDeniedException(PolicyDecision decision) {
        super("denied by account policy: " + Objects.requireNonNull(decision, "decision").reason(), null, false, false);
        if (decision.allowed()) {
            throw new IllegalArgumentException("an allowed decision is not a denial");
        }
        this.decision = decision;
    }

    public PolicyDecision decision() {
        return decision;
    }
}
