package io.jenkins.plugins.securepipeline.cli.image;

/** The command line is wrong (exit code 2); the message says which option and why. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
