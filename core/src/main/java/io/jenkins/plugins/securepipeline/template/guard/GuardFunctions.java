package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import io.jenkins.plugins.securepipeline.template.guard.GuardEvaluator.EvaluationException;
import io.jenkins.plugins.securepipeline.template.guard.GuardEvaluator.Result;
import io.jenkins.plugins.securepipeline.template.guard.GuardSyntax.Source;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in functions of cfn-guard 3.1.1, with its semantics. A function maps each value of its first argument
 * (a query may select several) to at most one value: a value of a type the function does not take, or a value it
 * cannot convert without it being an error (a substring out of range, a bad percent encoding), yields nothing and is
 * dropped; a query part that was not found is dropped too. Input the function cannot make sense of (parse_int("x"),
 * json_parse of text that is not YAML/JSON, a bad regular expression) is a rule error for the template, as
 * cfn-guard stops evaluating it.
 */
final class GuardFunctions {
    private static final Pattern RUST_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern RUST_FLOAT = Pattern.compile(
            "[-+]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|(?i:inf|infinity|nan))");

    private GuardFunctions() {}

    /** The values of {@code name} over the evaluated arguments, one list per argument. */
    static List<GuardValue> apply(String name, List<List<Result>> args, Source source) {
        List<Result> first = args.get(0);
        switch (name) {
            case "count":
                return List.of(GuardValue.integer(first.stream().filter(Result::isResolved).count(), "",
                        source.line(), source.column()));
            case "join":
                return List.of(join(first, args.get(1), source));
            case "regex_replace":
                return regexReplace(first, string(args.get(1), name, "second", source),
                        string(args.get(2), name, "third", source), source);
            case "substring":
                return substring(first, position(args.get(1), "second", source), position(args.get(2), "third",
                        source));
            default:
                break;
        }
        List<GuardValue> out = new ArrayList<>();
        for (Result result : first) {
            if (!result.isResolved()) {
                continue;
            }
            GuardValue value = result.value();
            GuardValue converted = convert(name, value, source);
            if (converted != null) {
                out.add(converted);
            }
        }
        return out;
    }

    /** One value through a function of one argument; null when the function yields nothing for it. */
    private static GuardValue convert(String name, GuardValue value, Source source) {
        String path = value.path();
        int line = value.line();
        int column = value.column();
        GuardValue.Kind kind = value.kind();
        switch (name) {
            case "to_lower":
                return kind == GuardValue.Kind.STRING
                        ? GuardValue.string(value.text().toLowerCase(Locale.ROOT), path, line, column) : null;
            case "to_upper":
                return kind == GuardValue.Kind.STRING
                        ? GuardValue.string(value.text().toUpperCase(Locale.ROOT), path, line, column) : null;
            case "url_decode":
                if (kind != GuardValue.Kind.STRING) {
                    return null;
                }
                String decoded = urlDecode(value.text());
                return decoded == null ? null : GuardValue.string(decoded, path, line, column);
            case "json_parse":
                return kind == GuardValue.Kind.STRING ? jsonParse(value, source) : null;
            case "parse_int":
                switch (kind) {
                    case STRING:
                        if (RUST_INTEGER.matcher(value.text()).matches()) {
                            try {
                                return GuardValue.integer(Long.parseLong(value.text()), path, line, column);
                            } catch (NumberFormatException tooLarge) {
                                // reported below
                            }
                        }
                        throw new EvaluationException(source, "parse_int(): cannot convert the string \""
                                + value.text() + "\" at " + where(path) + " into an integer");
                    case INT: return value;
                    case FLOAT: return GuardValue.integer((long) value.decimalValue(), path, line, column);
                    case CHAR: return GuardValue.integer(digit(value, "an integer", source), path, line, column);
                    default: return null;
                }
            case "parse_float":
                switch (kind) {
                    case STRING:
                        if (!RUST_FLOAT.matcher(value.text()).matches()) {
                            throw new EvaluationException(source, "parse_float(): cannot convert the string \""
                                    + value.text() + "\" at " + where(path) + " into a float");
                        }
                        return GuardValue.decimal(parseFloat(value.text()), path, line, column);
                    case INT: return GuardValue.decimal(value.integerValue(), path, line, column);
                    case FLOAT: return value;
                    case CHAR: return GuardValue.decimal(digit(value, "a float", source), path, line, column);
                    default: return null;
                }
            case "parse_string":
                switch (kind) {
                    case STRING: case CHAR: return GuardValue.string(value.text(), path, line, column);
                    case INT: return GuardValue.string(Long.toString(value.integerValue()), path, line, column);
                    case FLOAT: return GuardValue.string(floatText(value.decimalValue()), path, line, column);
                    case BOOL: return GuardValue.string(Boolean.toString(value.boolValue()), path, line, column);
                    default: return null;
                }
            case "parse_boolean":
                if (kind == GuardValue.Kind.BOOL) {
                    return value;
                }
                if (kind != GuardValue.Kind.STRING) {
                    return null;
                }
                switch (value.text().toLowerCase(Locale.ROOT)) {
                    case "true": return GuardValue.bool(true, path, line, column);
                    case "false": return GuardValue.bool(false, path, line, column);
                    default:
                        throw new EvaluationException(source, "parse_boolean(): cannot convert the string \""
                                + value.text() + "\" at " + where(path) + " into a boolean");
                }
            case "parse_char":
                switch (kind) {
                    case INT:
                        if (value.integerValue() < 0 || value.integerValue() > 9) {
                            throw new EvaluationException(source, "parse_char(): cannot convert the integer "
                                    + value.integerValue() + " at " + where(path) + " into a character");
                        }
                        return GuardValue.character(Long.toString(value.integerValue()), path, line, column);
                    case STRING:
                        // cfn-guard counts the string's UTF-8 bytes: one character of several bytes is refused too
                        if (value.text().getBytes(StandardCharsets.UTF_8).length > 1) {
                            throw new EvaluationException(source, "parse_char(): cannot convert the string \""
                                    + value.text() + "\" at " + where(path) + " into a character");
                        }
                        return value.text().isEmpty() ? null
                                : GuardValue.character(value.text(), path, line, column);
                    case CHAR:
                        // cfn-guard gives a character back as a string here
                        return GuardValue.string(value.text(), path, line, column);
                    default:
                        return null;
                }
            default:
                throw new EvaluationException(source, "unknown function " + name + "()");
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static long digit(GuardValue character, String into, Source source) {
        char c = character.text().charAt(0);
        if (c < '0' || c > '9') {
            throw new EvaluationException(source, "cannot convert the character '" + character.text() + "' at "
                    + where(character.path()) + " into " + into);
        }
        return c - '0';
    }

    private static double parseFloat(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    /** A float as cfn-guard prints one: the shortest decimal, never an exponent ({@code 1}, {@code 0.25}). */
    static String floatText(double number) {
        if (Double.isNaN(number)) {
            return "NaN";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        if (number == 0) {
            return 1 / number < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }

    /**
     * Percent-decoding as cfn-guard's: {@code %XX} becomes that byte, a {@code %} not followed by two hex digits and
     * {@code +} stay as they are; bytes that are not UTF-8 yield nothing (null).
     */
    private static String urlDecode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16) >= 0 && b < 128 ? Character.digit((char) b, 16) : -1;
    }

    /** The string parsed as YAML (JSON is YAML), its values placed where the string was. */
    private static GuardValue jsonParse(GuardValue value, Source source) {
        if (value.text().isBlank()) {
            return GuardValue.nullValue(value.path(), value.line(), value.column());
        }
        try {
            return GuardValue.ofTree(TemplateReader.keepingNulls(ReaderLimits.DEFAULT).read("json_parse()",
                    value.text().getBytes(StandardCharsets.UTF_8), false), value.path());
        } catch (TemplateParseException e) {
            throw new EvaluationException(source, "json_parse(): the string at " + where(value.path())
                    + " is not JSON or YAML: " + e.getMessage());
        }
    }

    /** join(values, delimiter): every value must be a string that was found, as in cfn-guard. */
    private static GuardValue join(List<Result> values, List<Result> delimiterArgument, Source source) {
        GuardValue delimiter = delimiterArgument.isEmpty() || !delimiterArgument.get(0).isResolved() ? null
                : delimiterArgument.get(0).value();
        if (delimiter == null
                || (delimiter.kind() != GuardValue.Kind.STRING && delimiter.kind() != GuardValue.Kind.CHAR)) {
            throw new EvaluationException(source, "join() needs a string or character as its second argument");
        }
        List<String> parts = new ArrayList<>();
        for (Result r : values) {
            if (!r.isResolved()) {
                throw new EvaluationException(source, "join(): a value of the first argument is missing ("
                        + r.remaining() + ")");
            }
            if (r.value().kind() != GuardValue.Kind.STRING) {
                throw new EvaluationException(source, "join(): cannot join " + r.value() + " at "
                        + where(r.value().path()) + ", not a string");
            }
            parts.add(r.value().text());
        }
        String path = values.isEmpty() ? "" : values.get(0).isResolved() ? values.get(0).value().path() : "";
        return GuardValue.string(String.join(delimiter.text(), parts), path, source.line(), source.column());
    }

    private static String string(List<Result> argument, String function, String which, Source source) {
        if (argument.isEmpty() || !argument.get(0).isResolved()
                || argument.get(0).value().kind() != GuardValue.Kind.STRING) {
            throw new EvaluationException(source, function + "() needs a string as its " + which + " argument");
        }
        return argument.get(0).value().text();
    }

    /** A substring position: an integer or a float, taken as cfn-guard takes it (as a 16-bit unsigned number). */
    private static int position(List<Result> argument, String which, Source source) {
        if (!argument.isEmpty() && argument.get(0).isResolved()) {
            GuardValue value = argument.get(0).value();
            if (value.kind() == GuardValue.Kind.INT) {
                return (int) (value.integerValue() & 0xFFFF);
            }
            if (value.kind() == GuardValue.Kind.FLOAT) {
                double d = value.decimalValue();
                return Double.isNaN(d) || d <= 0 ? 0 : d >= 0xFFFF ? 0xFFFF : (int) d;
            }
        }
        throw new EvaluationException(source, "substring() needs a number as its " + which + " argument");
    }

    /** Byte positions of the UTF-8 text, as cfn-guard counts them; out of range yields nothing. */
    private static List<GuardValue> substring(List<Result> values, int from, int to) {
        List<GuardValue> out = new ArrayList<>();
        for (Result r : values) {
            if (!r.isResolved() || r.value().kind() != GuardValue.Kind.STRING) {
                continue;
            }
            GuardValue value = r.value();
            byte[] bytes = value.text().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0 || from >= to || to > bytes.length) {
                continue;
            }
            String part = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            out.add(GuardValue.string(part, value.path(), value.line(), value.column()));
        }
        return out;
    }

    /**
     * regex_replace(values, pattern, replacement): for each match, the replacement with {@code $1}, {@code $name}
     * and {@code ${name}} filled in, all matches' replacements joined; the text between matches is not kept (this
     * is what cfn-guard 3.1.1 returns). A group that does not exist or did not take part is empty; {@code $$} is a
     * dollar.
     */
    private static List<GuardValue> regexReplace(List<Result> values, String expression, String replacement,
            Source source) {
        Pattern pattern;
        try {
            pattern = GuardRegex.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new EvaluationException(source, "regex_replace(): invalid regular expression " + expression + ": "
                    + e.getDescription());
        }
        List<GuardValue> out = new ArrayList<>();
        for (Result r : values) {
            if (!r.isResolved() || r.value().kind() != GuardValue.Kind.STRING) {
                continue;
            }
            StringBuilder replaced = new StringBuilder();
            Matcher matcher = pattern.matcher(r.value().text());
            while (matcher.find()) {
                expand(matcher, replacement, replaced);
            }
            out.add(GuardValue.string(replaced.toString(), r.value().path(), r.value().line(), r.value().column()));
        }
        return out;
    }

    private static void expand(Matcher matcher, String replacement, StringBuilder out) {
        int i = 0;
        while (i < replacement.length()) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 >= replacement.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = replacement.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = replacement.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = replacement.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < replacement.length() && (Character.isLetterOrDigit(replacement.charAt(end))
                        && replacement.charAt(end) < 128 || replacement.charAt(end) == '_')) {
                    end++;
                }
                name = replacement.substring(i + 1, end);
            }
            if (name.isEmpty()) {
                out.append(c);
                i++;
                continue;
            }
            out.append(group(matcher, name));
            i = end;
        }
    }

    private static String group(Matcher matcher, String name) {
        String value;
        try {
            if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                int index = Integer.parseInt(name);
                value = index <= matcher.groupCount() ? matcher.group(index) : null;
            } else {
                value = matcher.group(name);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException noSuchGroup) {
            value = null;
        }
        return value == null ? "" : value;
    }
}
