package io.jenkins.plugins.securepipeline.window;

/**
 * A calendar that cannot be read or is wrong. The message is for people: it names the file and line, the window
 * and the field where it can, and never carries a stack trace to the user.
 */
public class InvalidCalendarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCalendarException(String message) {
        super(message);
    }

    public InvalidCalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
