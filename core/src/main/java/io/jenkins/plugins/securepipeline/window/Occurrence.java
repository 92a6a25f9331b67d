package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;

/** One concrete activation of a named window. */
public record Occurrence(String window, WindowKind kind, Instant start, Instant end) {}
