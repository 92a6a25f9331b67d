package io.jenkins.plugins.securepipeline.window;

/**
 * An explicit override of a closed gate. It only exists with a named approver and a reason, and it is carried in
 * the decision so the audit trail shows who opened a freeze and why.
 */
public record BreakGlass(String approver, String reason) {
    private static final int MAX_LENGTH = 1000;

    public BreakGlass {
        approver = required(approver, "approver");
        reason = required(reason, "reason");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("break-glass needs a non-empty " + what);
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("break-glass " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException("break-glass " + what + " contains control characters");
        }
        return trimmed;
    }
}
