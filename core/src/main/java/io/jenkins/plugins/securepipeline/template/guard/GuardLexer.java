package io.jenkins.plugins.securepipeline.template.guard;

import java.util.ArrayList;
import java.util.List;

/** Splits a Guard rule file into tokens; comments ({@code #} to the end of the line) and white space are dropped. */
final class GuardLexer {
    enum Type { IDENT, STRING, REGEX, INT, FLOAT, VAR, MESSAGE, PUNCT, EOF }

    record Token(Type type, String text, int line, int column, int start, int end) {
        boolean is(String punct) {
            return type == Type.PUNCT && text.equals(punct);
        }

        /** An identifier spelled {@code word} in any letter case (Guard's keywords come in lower and upper case). */
        boolean isWord(String word) {
            return type == Type.IDENT && text.equalsIgnoreCase(word);
        }
    }

    private static final String[] PUNCTUATION = {"==", "!=", "<=", ">=", ":=", "<", ">", "!", "=", ".", ",", "[",
            "]", "{", "}", "(", ")", "*", ":", "|"};

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    GuardLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    List<Token> tokens() throws GuardRuleException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(Type.EOF, "end of file", line, column(pos), pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private int column(int offset) {
        return offset - lineStart + 1;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() throws GuardRuleException {
        int start = pos;
        int startLine = line;
        int startColumn = column(pos);
        char c = text.charAt(pos);
        if (text.startsWith("<<", pos)) {
            int close = text.indexOf(">>", pos + 2);
            if (close < 0) {
                throw error(startLine, startColumn, "custom message '<<' is not closed with '>>'");
            }
            String message = text.substring(pos + 2, close);
            advanceTo(close + 2);
            return new Token(Type.MESSAGE, message.strip(), startLine, startColumn, start, pos);
        }
        if (text.startsWith("|OR|", pos)) {
            pos += 4;
            return new Token(Type.IDENT, "or", startLine, startColumn, start, pos);
        }
        if (c == '\'' || c == '"') {
            return quoted(c, start, startLine, startColumn);
        }
        if (c == '/') {
            return regex(start, startLine, startColumn);
        }
        if (c == '%') {
            pos++;
            int nameStart = pos;
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                throw error(startLine, startColumn, "'%' must be followed by a variable name");
            }
            return new Token(Type.VAR, text.substring(nameStart, pos), startLine, startColumn, start, pos);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start, startLine, startColumn);
        }
        if (Character.isLetter(c) || c == '_') {
            pos++;
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (isIdentifierPart(d)) {
                    pos++;
                } else if (text.startsWith("::", pos) && pos + 2 < text.length()
                        && isIdentifierPart(text.charAt(pos + 2))) {
                    pos += 2; // a resource type name such as AWS::S3::Bucket
                } else if (text.startsWith("::*", pos)) {
                    pos += 3; // a wildcard type name, refused by the parser with its name
                } else {
                    break;
                }
            }
            return new Token(Type.IDENT, text.substring(start, pos), startLine, startColumn, start, pos);
        }
        for (String punct : PUNCTUATION) {
            if (text.startsWith(punct, pos)) {
                pos += punct.length();
                return new Token(Type.PUNCT, punct, startLine, startColumn, start, pos);
            }
        }
        throw error(startLine, startColumn, "unexpected character '" + c + "'");
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private Token quoted(char quote, int start, int startLine, int startColumn) throws GuardRuleException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Type.STRING, value.toString(), startLine, startColumn, start, pos);
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char escaped = text.charAt(pos + 1);
                if (escaped == quote || escaped == '\\') {
                    value.append(escaped);
                    pos += 2;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            value.append(c);
            pos++;
        }
        throw error(startLine, startColumn, "string is not closed with " + quote);
    }

    private Token regex(int start, int startLine, int startColumn) throws GuardRuleException {
        StringBuilder pattern = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                break;
            }
            if (c == '/') {
                pos++;
                return new Token(Type.REGEX, pattern.toString(), startLine, startColumn, start, pos);
            }
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                pattern.append('/');
                pos += 2;
                continue;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                pattern.append(c).append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            pattern.append(c);
            pos++;
        }
        throw error(startLine, startColumn, "regular expression is not closed with '/' on the same line");
    }

    private Token number(int start, int startLine, int startColumn) {
        pos++;
        boolean decimal = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' && !decimal && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
                decimal = true;
                pos++;
            } else if ((c == 'e' || c == 'E') && pos + 1 < text.length()
                    && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '-'
                            || text.charAt(pos + 1) == '+')) {
                decimal = true;
                pos += 2;
            } else {
                break;
            }
        }
        return new Token(decimal ? Type.FLOAT : Type.INT, text.substring(start, pos), startLine, startColumn, start, pos);
    }

    private void advanceTo(int end) {
        while (pos < end) {
            if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private GuardRuleException error(int atLine, int atColumn, String problem) {
        return new GuardRuleException(file, atLine, atColumn, problem);
    }
}
