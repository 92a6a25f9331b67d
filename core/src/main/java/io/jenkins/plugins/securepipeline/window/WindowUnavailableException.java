package io.jenkins.plugins.securepipeline.window;

/** A window whose schedule cannot be determined right now; the gate treats it as closed unless told to fail open. */
public class WindowUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WindowUnavailableException(String message) {
        super(message);
    }

    public WindowUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
