package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.AbortException;
import io.jenkins.plugins.securepipeline.audit.SecretMask;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Masks the session's keys in a failure that leaves the block (an {@code error env.AWS_SESSION_TOKEN}, a tool's
 * exception that echoes a request), before Pipeline stores it in the flow graph and prints the final {@code ERROR:}
 * line, both outside the block's console filter. Encoded forms are masked too ({@link SecretMask}). A failure that
 * holds no secret passes unchanged, with its type; one that does is replaced by a copy that keeps only masked
 * messages and the stack trace (an {@link AbortException} stays one, so it still prints as a single line).
 * The values are kept in {@link SessionSecrets}: this object is saved in the pipeline's state with the block.
 */
final class SessionFailureMasking implements FailureHandler {
    private static final long serialVersionUID = 1L;

    private final SessionSecrets secrets;

    SessionFailureMasking(SessionSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public Throwable handle(StepContext context, Throwable failure) {
        return mask(failure, secrets.mask());
    }

    /** The failure itself when nothing in it (messages, causes, suppressed) shows a secret; else a masked copy. */
    static Throwable mask(Throwable failure, SecretMask mask) {
        if (mask.isEmpty() || !showsSecret(failure, mask, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return failure;
        }
        return maskedCopy(failure, mask, new IdentityHashMap<>());
    }

    private static boolean showsSecret(Throwable failure, SecretMask mask, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (mask.containsSecret(failure.getMessage()) || mask.containsSecret(failure.getLocalizedMessage())
                || mask.containsSecret(failure.toString())) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (showsSecret(suppressed, mask, seen)) {
                return true;
            }
        }
        return showsSecret(failure.getCause(), mask, seen);
    }

    private static Throwable maskedCopy(Throwable failure, SecretMask mask, IdentityHashMap<Throwable, Throwable> copies) {
        Throwable done = copies.get(failure);
        if (done != null) {
            return done;
        }
        Throwable copy = failure instanceof AbortException
                ? new AbortException(mask.mask(failure.getMessage()))
                : new MaskedFailure(failure.getClass().getName(), mask.mask(failure.getMessage()));
        copies.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null && failure.getCause() != failure) {
            copy.initCause(maskedCopy(failure.getCause(), mask, copies));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(maskedCopy(suppressed, mask, copies));
        }
        return copy;
    }

    /** Stands in for a failure whose message showed a secret; prints as the original type with the masked message. */
    static final class MaskedFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalType;

        MaskedFailure(String originalType, String maskedMessage) {
            super(maskedMessage);
            this.originalType = originalType;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? originalType : originalType + ": " + message;
        }
    }
}
