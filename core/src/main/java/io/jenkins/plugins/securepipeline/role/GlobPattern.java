package io.jenkins.plugins.securepipeline.role;

import java.util.regex.Pattern;

/**
 * The small wildcard language admins write in account policy rules. Kept to globs (not regular expressions) so a
 * rule reads the way it is meant and cannot accidentally match more through an unescaped dot.
 */
public final class GlobPattern {
    private final String text;
    private final Pattern regex;

    private GlobPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** Job paths: {@code *} stays inside one folder level, {@code **} crosses folders, {@code ?} is one character. */
    public static GlobPattern forJobPath(String text) {
        return new GlobPattern(text, compile(text, "[^/]*", ".*", "[^/]"));
    }

    /**
     * Whether any of the job path globs in {@code lines} (one per line, blank lines ignored; an administrator's
     * "mandatory for jobs matching" field) matches the job; false for null.
     */
    public static boolean anyLineMatchesJob(String lines, String jobFullName) {
        if (lines == null) {
            return false;
        }
        return lines.lines().map(String::trim).filter(s -> !s.isEmpty())
                .anyMatch(glob -> forJobPath(glob).matches(jobFullName));
    }

    /** ARNs, IAM style: {@code *} is any run of characters (slashes included), {@code ?} is one character. */
    public static GlobPattern forArn(String text) {
        return new GlobPattern(text, compile(text, ".*", ".*", "."));
    }

    public boolean matches(String candidate) {
        return regex.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static Pattern compile(String glob, String star, String doubleStar, String question) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    regex.append(question);
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(doubleStar);
                    i++;
                } else {
                    regex.append(star);
                }
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
