package io.jenkins.plugins.securepipeline.template.baseline;

import java.io.IOException;

/** A baseline file that cannot be used: one line naming the file and, where known, the line and column. */
public final class BaselineException extends IOException {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
