package io.jenkins.plugins.securepipeline.signing;

/**
 * A key file that cannot be used: unreadable, not PEM, the wrong kind or curve, encrypted in a format we do not
 * read. The message names the file and the reason; it never contains any of the file's content.
 */
public class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String source, String problem) {
        super(source + ": " + problem);
    }

    public KeyFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
