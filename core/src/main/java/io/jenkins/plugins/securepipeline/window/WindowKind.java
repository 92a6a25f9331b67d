package io.jenkins.plugins.securepipeline.window;

import java.util.Locale;

/** Whether a window forbids changes while it is active, or is the only time changes are permitted. */
public enum WindowKind {
    DENY,
    ALLOW;

    /** The spelling used in calendar files and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
