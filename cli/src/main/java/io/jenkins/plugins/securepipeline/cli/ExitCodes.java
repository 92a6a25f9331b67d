package io.jenkins.plugins.securepipeline.cli;

/** Process exit codes shared by every subcommand; scripts and CI checks depend on these values. */
public final class ExitCodes {
    /** Nothing blocking, verified, open, or success. */
    public static final int OK = 0;
    /** The check ran and blocked: findings, mismatches, a closed window, a failed verification. */
    public static final int BLOCKED = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;
    /** An input (template, checksum file, calendar) could not be read or parsed. */
    public static final int INVALID_INPUT = 3;
    /** AWS STS refused to issue credentials. */
    public static final int STS_REFUSED = 4;
    /** A registry or signing operation failed. */
    public static final int REGISTRY_OR_SIGNING_FAILURE = 5;
    /**
     * Something failed that no command expected (a bug, or the JVM ran out of memory); the one-line message says
     * what. Never 1: a failure must not look like a decision.
     */
    public static final int INTERNAL_ERROR = 6;

    private ExitCodes() {}
}
