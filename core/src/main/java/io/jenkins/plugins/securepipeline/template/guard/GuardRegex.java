package io.jenkins.plugins.securepipeline.template.guard;

import java.util.regex.Pattern;

/**
 * Regular expressions as cfn-guard reads them (Rust's regex syntax), compiled by Java's engine. The one difference
 * that matters in real rule files: Rust takes a '{' that does not open a complete repetition ({@code {2}},
 * {@code {2,}}, {@code {2,5}}, {@code {,5}}) as a literal brace, as in {@code /{{resolve:secretsmanager:.*}}/},
 * while Java refuses it; such braces are escaped before compiling, and Rust's {@code {,5}} becomes {@code {0,5}}.
 */
final class GuardRegex {
    private GuardRegex() {}

    /** Throws {@link java.util.regex.PatternSyntaxException} for an expression Java cannot compile. */
    static Pattern compile(String expression) {
        return Pattern.compile(literalBraces(expression));
    }

    static String literalBraces(String expression) {
        if (expression.indexOf('{') < 0) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\\' && i + 1 < expression.length()) {
                out.append(c).append(expression.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < expression.length() && expression.charAt(i + 1) == ']') {
                    out.append(c).append(expression.charAt(++i)); // a ']' first in a class is a member
                    continue;
                }
            } else if (c == '{' && i > 0 && upTo(expression, i)) {
                out.append("{0"); // Rust's {,n} is Java's {0,n}
                continue;
            } else if (c == '{' && !(i > 0 && opensRepetition(expression, i))) {
                out.append("\\{");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the '{' at {@code at} starts {,m}, a repetition of at most m in Rust. */
    private static boolean upTo(String expression, int at) {
        int i = at + 1;
        if (i >= expression.length() || expression.charAt(i) != ',') {
            return false;
        }
        int digits = 0;
        for (i++; i < expression.length() && Character.isDigit(expression.charAt(i)); i++) {
            digits++;
        }
        return digits > 0 && i < expression.length() && expression.charAt(i) == '}';
    }

    /** Whether the '{' at {@code at} starts {n}, {n,} or {n,m}. */
    private static boolean opensRepetition(String expression, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < expression.length() && Character.isDigit(expression.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= expression.length()) {
            return false;
        }
        if (expression.charAt(i) == '}') {
            return true;
        }
        if (expression.charAt(i) != ',') {
            return false;
        }
        i++;
        while (i < expression.length() && Character.isDigit(expression.charAt(i))) {
            i++;
        }
        return i < expression.length() && expression.charAt(i) == '}';
    }
}
