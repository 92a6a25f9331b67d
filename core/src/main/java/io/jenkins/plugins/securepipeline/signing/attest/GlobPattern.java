package io.jenkins.plugins.securepipeline.signing.attest;

import java.util.regex.Pattern;

/**
 * A whole-string pattern for builder ids and repository URLs: {@code *} matches any characters except {@code /},
 * {@code **} any characters including {@code /}, {@code ?} one character except {@code /}; everything else literally.
 * So {@code https://jenkins.example.com/job/app/*} names the jobs directly in folder {@code app}, and
 * {@code https://github.com/example/**} every repository of the organisation.
 */
public final class GlobPattern {
    private final String text;
    private final Pattern regex;

    private GlobPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static GlobPattern compile(String pattern, String what) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(what + ": an empty pattern would match nothing");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    regex.append("[^/]");
                } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new GlobPattern(pattern, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** A pattern that matches what both match (an administrator's pattern narrowed by a pipeline's); null-tolerant. */
    public static GlobPattern both(GlobPattern first, GlobPattern second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new GlobPattern(first.text + " and " + second.text, Pattern.compile("(?=(?:" + first.regex.pattern()
                + ")\\z)(?:" + second.regex.pattern() + ")", Pattern.DOTALL));
    }

    public boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
