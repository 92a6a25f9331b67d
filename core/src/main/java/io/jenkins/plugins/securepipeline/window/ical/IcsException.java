package io.jenkins.plugins.securepipeline.window.ical;

/** An iCalendar document that cannot be used; the message names the source and line. */
public class IcsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IcsException(String message) {
        super(message);
    }
}
