package io.jenkins.plugins.securepipeline.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret values in text in the forms they take when a tool prints them: as they are, Base64-encoded (also
 * inside a longer Base64 text, and in the URL-safe alphabet), percent-encoded (either hex case, any subset of the
 * characters encoded) and JSON-escaped (backslash-slash, backslash-u002B). An HTTP client that echoes a signed request, a
 * Kubernetes secret, a JSON dump of the environment: the secret is still replaced.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are not masked (they would mask ordinary words), and Base64 fragments
 * shorter than that are left out for the same reason.
 */
public final class SecretMask {
    public static final String MASK = "****";
    static final int MIN_LENGTH = 4;
    private static final Pattern NEVER = Pattern.compile("(?!)");

    private final Pattern pattern;

    private SecretMask(Pattern pattern) {
        this.pattern = pattern;
    }

    public static SecretMask of(Collection<String> secrets) {
        Set<String> alternatives = new LinkedHashSet<>();
        List<String> values = secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String value : values) {
            alternatives.add(escapedForms(value));
        }
        List<String> base64 = new ArrayList<>();
        for (String value : values) {
            base64.addAll(base64Forms(value.getBytes(StandardCharsets.UTF_8)));
        }
        // Longer fragments first, so a secret is never half-masked by a shorter fragment of another.
        base64.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(form -> alternatives.add(Pattern.quote(form)));
        return new SecretMask(alternatives.isEmpty() ? NEVER : Pattern.compile(String.join("|", alternatives)));
    }

    public boolean isEmpty() {
        return pattern == NEVER;
    }

    public boolean containsSecret(CharSequence text) {
        return text != null && pattern.matcher(text).find();
    }

    /** The text with every occurrence replaced by {@link #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || isEmpty()) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(MASK) : text;
    }

    /**
     * A regular expression for the value with each character in any of its escaped spellings: literal, {@code %XX},
     * JSON's backslash-u00XX and backslash-slash, in either hex case.
     */
    private static String escapedForms(String value) {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> {
            String literal = Pattern.quote(new String(Character.toChars(c)));
            if (c < 0x80 && !isUnreserved(c)) {
                String hex = String.format(Locale.ROOT, "%02X", c);
                regex.append("(?:").append(literal)
                        .append("|%").append(hexCaseless(hex))
                        .append("|\\\\u00").append(hexCaseless(hex));
                if (c == '/' || c == '"' || c == '\\') {
                    regex.append("|\\\\").append(Pattern.quote(String.valueOf((char) c)));
                }
                regex.append(')');
            } else {
                regex.append(literal);
            }
        });
        return regex.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static String hexCaseless(String hex) {
        StringBuilder regex = new StringBuilder();
        for (char h : hex.toCharArray()) {
            regex.append(Character.isLetter(h) ? "[" + h + Character.toLowerCase(h) + "]" : String.valueOf(h));
        }
        return regex.toString();
    }

    /**
     * The Base64 characters that depend only on the value, for each of the three positions it can start at inside a
     * longer encoded text, in both alphabets. Characters that mix in bits of the neighbouring bytes are left out.
     */
    static List<String> base64Forms(byte[] value) {
        List<String> forms = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + value.length];
            System.arraycopy(value, 0, shifted, offset, value.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int total = shifted.length;
            int stableEnd = total / 3 * 4 + total % 3;
            int stableStart = offset == 0 ? 0 : offset + 1;
            if (stableEnd - stableStart >= MIN_LENGTH * 2) {
                String form = encoded.substring(stableStart, stableEnd);
                forms.add(form);
                forms.add(form.replace('+', '-').replace('/', '_'));
            }
        }
        return forms;
    }
}
