package io.jenkins.plugins.securepipeline.role;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An STS session tag. {@code optional} tags are the ones derived from build context: when STS answers
 * PackedPolicyTooLarge they are dropped (and the user told which) rather than failing the build, while tags the user
 * asked for are never silently dropped.
 */
public record SessionTag(String key, String value, boolean optional) {
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;
    /** STS tag key and value alphabet: letters, spaces, digits and {@code _ . : / = + - @}. */
    static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    public SessionTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static SessionTag required(String key, String value) {
        return new SessionTag(key, value, false);
    }

    public static SessionTag optional(String key, String value) {
        return new SessionTag(key, value, true);
    }

    /** Checks the STS limits, naming {@code field} (e.g. {@code tags[2]}) in the error. */
    void validate(String field) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRoleRequestException(field + ".key", "must be 1.." + MAX_KEY_LENGTH + " characters, was " + key.length());
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new InvalidRoleRequestException(field + ".key",
                    "'" + key + "' contains characters STS refuses; allowed are letters, digits, spaces and _ . : / = + - @");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw new InvalidRoleRequestException(field + ".key", "keys starting with 'aws:' are reserved by AWS");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRoleRequestException(field + ".value", "must be at most " + MAX_VALUE_LENGTH + " characters, was " + value.length());
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidRoleRequestException(field + ".value",
                    "value of tag '" + key + "' contains characters STS refuses; allowed are letters, digits, spaces and _ . : / = + - @");
        }
    }
}
