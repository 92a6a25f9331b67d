package io.jenkins.plugins.securepipeline.aws;

import java.util.Objects;

/**
 * An AWS call failed; the message is {@link AwsFailure#describe()}. The SDK exception is deliberately not kept as
 * the cause: its text and any attached response can carry more than a build log should show.
 */
public final class AwsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AwsFailure failure;

    public AwsCallException(AwsFailure failure) {
        super(Objects.requireNonNull(failure, "failure").describe(), null, false, false);
        this.failure = failure;
    }

    public AwsFailure failure() {
        return failure;
    }
}
