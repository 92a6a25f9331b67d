package io.jenkins.plugins.securepipeline.cli.image;

/**
 * A local input cannot be used (exit code 3): the image source, a key file, a password file. The message names the
 * option and the path; the registry was not at fault.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
