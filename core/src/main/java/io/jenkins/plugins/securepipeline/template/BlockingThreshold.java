package io.jenkins.plugins.securepipeline.template;

import java.util.Locale;

/**
 * The severity at and above which a scan blocks, as an administrator, a Jenkinsfile or a command line writes it:
 * {@code low}, {@code medium}, {@code high}, {@code critical} or {@code never}. Only the word {@code never} turns
 * blocking off. A blank value means the default, {@code high}: a setting emptied by mistake (JCasC
 * {@code scanThreshold: ""}, an unset variable in {@code --fail-on "$LEVEL"}) must not silently stop blocking.
 * Thresholds are returned as a {@link Severity}, null meaning "never", as {@link ScanResult} takes them.
 */
public final class BlockingThreshold {
    public static final Severity DEFAULT = Severity.HIGH;
    public static final String NEVER = "never";

    private BlockingThreshold() {}

    /**
     * @param field the setting or argument the text comes from, named in the error
     * @return the severity; null for {@code never}; {@link #DEFAULT} when the text is null, empty or white space
     * @throws IllegalArgumentException naming the field and the accepted values, for any other text
     */
    public static Severity parse(String field, String text) {
        if (isBlank(text)) {
            return DEFAULT;
        }
        if (isNever(text)) {
            return null;
        }
        try {
            return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": unknown severity '" + text.trim()
                    + "' (expected low, medium, high, critical or never)");
        }
    }

    /** True only for the word {@code never} (any case, surrounding white space allowed). */
    public static boolean isNever(String text) {
        return text != null && text.trim().equalsIgnoreCase(NEVER);
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** How a threshold is shown in logs and reports. */
    public static String label(Severity threshold) {
        return threshold == null ? NEVER : threshold.label();
    }
}
