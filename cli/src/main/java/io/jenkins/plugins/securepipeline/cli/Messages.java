package io.jenkins.plugins.securepipeline.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, human wording for I/O exceptions in command output. */
final class Messages {
    private Messages() {}

    /** What is wrong, without the path (for messages that name the operand themselves). */
    static String problem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        return e.getMessage() == null ? "cannot be read" : e.getMessage();
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return notDirectory.getFile() + ": not a directory";
        }
        return e.getMessage() == null ? "an I/O error without a description" : e.getMessage();
    }
}
