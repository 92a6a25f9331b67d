package io.jenkins.plugins.securepipeline.integrity;

/**
 * A checksum file that cannot be trusted as a whole: unreadable, malformed, too large, binary. The message names
 * the file and, where there is one, the line; it never repeats the offending content beyond a short, escaped
 * excerpt.
 */
public class ChecksumFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** @param line 1-based line number, or 0 when the problem is not tied to a line */
    public ChecksumFileException(String source, long line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public ChecksumFileException(String source, long line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    /** 1-based line number, or 0. */
    public long line() {
        return line;
    }
}
