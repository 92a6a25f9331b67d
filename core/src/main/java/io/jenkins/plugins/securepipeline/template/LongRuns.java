package io.jenkins.plugins.securepipeline.template;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stands in for very long unbroken runs of text before SnakeYAML Engine reads a document, and puts them back into the
 * scalars afterwards.
 *
 * <p>Why: SnakeYAML Engine keeps the token it is reading as one int per character and copies that window each time
 * it reads more input, so a 9 MB scalar written without a space or line break (base64 user data on one line, plain,
 * quoted or double-quoted) needs two 36 MB arrays at once on top of the text: more than the command line's 128 MB
 * heap holds. Block scalars and text with spaces are read a line or a word at a time and never need this.
 *
 * <p>How: every run of at least {@link #MIN_RUN} characters that mean nothing to YAML anywhere (ASCII letters,
 * digits, '+', '/', '=') is replaced by a short stand-in made of the same kind of characters, so the document keeps
 * exactly its structure, its tokens and its line numbers. The stand-in starts with a random marker that does not
 * occur in the text. Runs right after '!', '&amp;' or '*' (tags, anchors, aliases) are left alone, and after a
 * backslash (a double-quoted escape such as \x41) the first characters stay in place. Columns after a stand-in on the
 * same line are given back as they are in the file.
 */
final class LongRuns {
    /** Shorter runs cost SnakeYAML little; CloudFormation's own limit for a whole template body is 1 MB. */
    static final int MIN_RUN = 64 * 1024;
    /** Characters kept after a backslash: the longest escape, \U and eight hex digits. */
    private static final int ESCAPE_LENGTH = 9;
    private static final int INDEX_DIGITS = 8;

    private final String original;
    private final String text;
    private final String marker;
    private final List<Run> runs;

    /** A replaced run: where it is in the original, and where its stand-in is (line and column as SnakeYAML counts). */
    private record Run(int start, int end, int line, int column, int standInLength) {}

    private LongRuns(String original, String text, String marker, List<Run> runs) {
        this.original = original;
        this.text = text;
        this.marker = marker;
        this.runs = runs;
    }

    /** The text to give SnakeYAML: the original itself when it has no long run. */
    String text() {
        return text;
    }

    static LongRuns of(String original) {
        if (!hasLongRun(original)) {
            return new LongRuns(original, original, null, List.of());
        }
        String marker;
        do {
            marker = randomMarker();
        } while (original.contains(marker));
        List<Run> runs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int line = 0;
        int column = 0; // in code points, on the stand-in text, as SnakeYAML's reader counts them
        int i = 0;
        int length = original.length();
        while (i < length) {
            char c = original.charAt(i);
            if (isRunChar(c)) {
                int end = i;
                while (end < length && isRunChar(original.charAt(end))) {
                    end++;
                }
                char before = i == 0 ? '\n' : original.charAt(i - 1);
                int start = before == '\\' ? i + ESCAPE_LENGTH : i;
                if (end - start >= MIN_RUN && before != '!' && before != '&' && before != '*') {
                    out.append(original, i, start);
                    column += start - i;
                    String standIn = marker + String.format("%0" + INDEX_DIGITS + "d", runs.size());
                    runs.add(new Run(start, end, line, column, standIn.length()));
                    out.append(standIn);
                    column += standIn.length();
                } else {
                    out.append(original, i, end);
                    column += end - i;
                }
                i = end;
                continue;
            }
            out.append(c);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c == '\r' && (i + 1 >= length || original.charAt(i + 1) != '\n'))) {
                line++;
                column = 0;
            } else if (!Character.isLowSurrogate(c) && c != '\uFEFF') {
                column++;
            }
            i++;
        }
        return new LongRuns(original, out.toString(), marker, List.copyOf(runs));
    }

    /** A scalar's value with the original text in place of any stand-in. */
    String restore(String value) {
        if (runs.isEmpty()) {
            return value;
        }
        int at = value.indexOf(marker);
        if (at < 0) {
            return value;
        }
        StringBuilder restored = new StringBuilder();
        int from = 0;
        while (at >= 0) {
            int indexEnd = at + marker.length() + INDEX_DIGITS;
            Run run = runs.get(Integer.parseInt(value, at + marker.length(), indexEnd, 10));
            restored.ensureCapacity(restored.length() + (at - from) + (run.end() - run.start()));
            restored.append(value, from, at).append(original, run.start(), run.end());
            from = indexEnd;
            at = value.indexOf(marker, from);
        }
        return restored.append(value, from, value.length()).toString();
    }

    /** The column (0-based, as SnakeYAML counts) in the original file of a column SnakeYAML gave on the stand-in text. */
    int column(int line, int column) {
        int shift = 0;
        for (Run run : runs) {
            if (run.line() == line && run.column() < column) {
                shift += (run.end() - run.start()) - run.standInLength();
            }
        }
        return column + shift;
    }

    private static boolean hasLongRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isRunChar(text.charAt(i))) {
                if (++run >= MIN_RUN) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** Characters that have no meaning to YAML in any context: they never start, end or change a token. */
    private static boolean isRunChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    private static String randomMarker() {
        StringBuilder marker = new StringBuilder("LongRun");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            marker.append((char) ('a' + random.nextInt(26)));
        }
        return marker.append('Q').toString();
    }
}
