package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;

/**
 * Why the gate is in its state: an active window (with the span that is active), being outside every allow window,
 * or a problem that made the gate fail closed.
 *
 * @param window the window's name, or null when no single window is responsible
 * @param kind {@code deny}, {@code allow} or {@code error}
 * @param start start of the active span, or null
 * @param end end of the active span, or null
 */
public record WindowReason(String window, String kind, Instant start, Instant end, String message) {
    public static final String ERROR = "error";

    static WindowReason active(Occurrence occurrence) {
        String verb = occurrence.kind() == WindowKind.DENY ? "deny window '" + occurrence.window() + "' is active"
                : "inside allow window '" + occurrence.window() + "'";
        return new WindowReason(occurrence.window(), occurrence.kind().label(), occurrence.start(), occurrence.end(), verb);
    }

    static WindowReason outsideAllowWindows() {
        return new WindowReason(null, WindowKind.ALLOW.label(), null, null, "outside every allow window");
    }

    public static WindowReason error(String window, String message) {
        return new WindowReason(window, ERROR, null, null, message);
    }
}
