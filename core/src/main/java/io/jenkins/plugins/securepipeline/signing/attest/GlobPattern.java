package io.jenkins.plugins.securepipeline.signing.attest;

import java.util.function.Predicate;

/**
 * A whole-string pattern for builder ids and repository URLs: {@code *} matches any characters except {@code /},
 * {@code **} any characters including {@code /}, {@code ?} one character except {@code /}; everything else literally.
 * So {@code https://jenkins.example.com/job/app/*} names the jobs directly in folder {@code app}, and
 * {@code https://github.com/example/**} every repository of the organisation. The language is the one administrators
 * already write for job paths ({@link io.jenkins.plugins.securepipeline.role.GlobPattern#forJobPath}).
 */
public final class GlobPattern {
    private final String text;
    private final Predicate<String> matcher;

    private GlobPattern(String text, Predicate<String> matcher) {
        this.text = text;
        this.matcher = matcher;
    }

    /** @param what the option or field the pattern came from, named when it is refused */
    public static GlobPattern compile(String pattern, String what) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(what + ": an empty pattern would match nothing");
        }
        io.jenkins.plugins.securepipeline.role.GlobPattern glob =
                io.jenkins.plugins.securepipeline.role.GlobPattern.forJobPath(pattern);
        return new GlobPattern(pattern, glob::matches);
    }

    /** A pattern that matches what both match (an administrator's pattern narrowed by a pipeline's); null-tolerant. */
    public static GlobPattern both(GlobPattern first, GlobPattern second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new GlobPattern(first.text + " and " + second.text, first.matcher.and(second.matcher));
    }

    public boolean matches(String value) {
        return value != null && matcher.test(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
