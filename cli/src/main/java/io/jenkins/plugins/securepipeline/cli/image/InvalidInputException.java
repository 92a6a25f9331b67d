package io.jenkins.plugins.securepipeline.cli.image;

/** A file named on the command line cannot be read or is not what it must be (exit code 3). */
final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }
}
