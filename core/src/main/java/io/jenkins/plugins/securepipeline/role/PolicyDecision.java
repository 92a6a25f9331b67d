package io.jenkins.plugins.securepipeline.role;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link AccountPolicy#evaluate}: allowed or not, the rule that allowed it, and a sentence for the
 * build log and the audit event.
 */
public record PolicyDecision(boolean allowed, Optional<String> ruleName, String reason) {
    public PolicyDecision {
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(reason, "reason");
    }

    static PolicyDecision allow(Optional<String> ruleName, String reason) {
        return new PolicyDecision(true, ruleName, reason);
    }

    static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, Optional.empty(), reason);
    }
}
