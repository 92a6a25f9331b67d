package io.jenkins.plugins.securepipeline.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file the user named cannot be used as input: missing, not a regular file (a FIFO, a device, a directory), too
 * large or unreadable. The message is {@code PATH: PROBLEM}, like coreutils' ({@code cat: x: Is a directory}); it
 * never quotes the file's content or names a Java exception class.
 */
public final class UserFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public UserFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file.toString();
        this.problem = problem;
    }

    /** The path as the user gave it. */
    public String file() {
        return file;
    }

    /** What is wrong, without the path, e.g. {@code is a FIFO (named pipe), not a regular file}. */
    public String problem() {
        return problem;
    }
}
