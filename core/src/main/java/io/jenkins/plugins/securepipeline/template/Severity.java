package io.jenkins.plugins.securepipeline.template;

import java.util.Locale;

/** How bad a finding is; ordered so a threshold can be compared with {@code compareTo}. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses "low", "HIGH", ... and names the accepted values when the text is none of them. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected low, medium, high or critical)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
