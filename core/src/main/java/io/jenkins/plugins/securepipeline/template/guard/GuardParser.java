package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.guard.GuardLexer.Token;
import io.jenkins.plugins.securepipeline.template.guard.GuardLexer.Type;
import io.jenkins.plugins.securepipeline.template.guard.GuardSyntax.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a Guard 3 rule file (recursive descent over {@link GuardLexer}'s tokens). Anything it does not know is an
 * error naming the file, line, column and construct: an unsupported rule must never be skipped quietly.
 */
public final class GuardParser {
    /** The built-in functions of cfn-guard 3.1.1 and how many arguments each takes. */
    static final Map<String, Integer> FUNCTIONS = Map.ofEntries(Map.entry("count", 1), Map.entry("to_lower", 1),
            Map.entry("to_upper", 1), Map.entry("join", 2), Map.entry("json_parse", 1), Map.entry("url_decode", 1),
            Map.entry("regex_replace", 3), Map.entry("substring", 3), Map.entry("parse_int", 1),
            Map.entry("parse_float", 1), Map.entry("parse_string", 1), Map.entry("parse_boolean", 1),
            Map.entry("parse_char", 1));
    /** Functions of later cfn-guard versions, which 3.1.1 refuses too; named so the message can say so. */
    private static final Set<String> LATER_FUNCTIONS = Set.of("parse_epoch", "now");
    private static final Map<String, Operator> UNARY = Map.of("exists", Operator.EXISTS, "empty", Operator.EMPTY,
            "is_string", Operator.IS_STRING, "is_list", Operator.IS_LIST, "is_struct", Operator.IS_STRUCT,
            "is_int", Operator.IS_INT, "is_float", Operator.IS_FLOAT, "is_bool", Operator.IS_BOOL,
            "is_null", Operator.IS_NULL);
    private static final Map<String, Operator> SYMBOLS = Map.of("==", Operator.EQ, "!=", Operator.NE, "<",
            Operator.LT, "<=", Operator.LE, ">", Operator.GT, ">=", Operator.GE);

    private final String file;
    private final String text;
    private final List<Token> tokens;
    private int next;

    private GuardParser(String file, String text) throws GuardRuleException {
        this.file = file;
        this.text = text;
        this.tokens = new GuardLexer(file, text).tokens();
    }

    /** Parses a rule file; {@code name} is how findings and errors name it (usually the file name). */
    static RuleFile parse(String name, String text) throws GuardRuleException {
        return new GuardParser(name, text).ruleFile();
    }

    private RuleFile ruleFile() throws GuardRuleException {
        List<Let> lets = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Disjunction> clauses = new ArrayList<>();
        while (peek().type() != Type.EOF) {
            if (peek().isWord("let")) {
                lets.add(let());
            } else if (peek().isWord("rule") && peek(1).type() == Type.IDENT) {
                rules.add(rule());
            } else {
                clauses.add(disjunction());
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (Rule rule : rules) {
            if (!names.add(rule.name())) {
                throw new GuardRuleException(file, rule.source().line(), rule.source().column(),
                        "rule '" + rule.name() + "' is defined twice");
            }
        }
        return new RuleFile(file, List.copyOf(lets), List.copyOf(rules), new Block(List.of(), List.copyOf(clauses)));
    }

    private Rule rule() throws GuardRuleException {
        Token start = take();
        Token name = expect(Type.IDENT, "a rule name");
        List<String> parameters = new ArrayList<>();
        if (peek().is("(")) {
            take();
            while (!peek().is(")")) {
                Token parameter = take();
                if (parameter.type() != Type.VAR && parameter.type() != Type.IDENT) {
                    throw unexpected(parameter, "a parameter name");
                }
                parameters.add(parameter.text());
                if (peek().is(",")) {
                    take();
                } else if (!peek().is(")")) {
                    throw unexpected(peek(), "',' or ')' in the parameter list");
                }
            }
            take();
        }
        List<Disjunction> conditions = List.of();
        if (peek().isWord("when")) {
            take();
            conditions = conditionsUntilBrace();
        }
        Block body = braceBlock();
        return new Rule(name.text(), List.copyOf(parameters), conditions, body, source(start));
    }

    private Let let() throws GuardRuleException {
        Token start = take();
        Token name = expect(Type.IDENT, "a variable name after 'let'");
        if (peek().is("=") || peek().is(":=")) {
            take();
        } else {
            throw unexpected(peek(), "'=' after 'let " + name.text() + "'");
        }
        Expression value;
        if (startsLiteral(peek())) {
            value = new Literal(literal());
        } else {
            value = query();
        }
        return new Let(name.text(), value, source(start));
    }

    private List<Disjunction> conditionsUntilBrace() throws GuardRuleException {
        List<Disjunction> conditions = new ArrayList<>();
        while (!peek().is("{")) {
            if (peek().type() == Type.EOF) {
                throw unexpected(peek(), "'{' after the 'when' conditions");
            }
            conditions.add(disjunction(true));
        }
        if (conditions.isEmpty()) {
            throw unexpected(peek(), "a condition after 'when'");
        }
        return List.copyOf(conditions);
    }

    private Block braceBlock() throws GuardRuleException {
        expectPunct("{");
        List<Let> lets = new ArrayList<>();
        List<Disjunction> clauses = new ArrayList<>();
        while (!peek().is("}")) {
            if (peek().type() == Type.EOF) {
                throw unexpected(peek(), "'}'");
            }
            if (peek().isWord("let")) {
                lets.add(let());
            } else {
                clauses.add(disjunction());
            }
        }
        take();
        return new Block(List.copyOf(lets), List.copyOf(clauses));
    }

    private Disjunction disjunction() throws GuardRuleException {
        return disjunction(false);
    }

    /** {@code inConditions}: in 'when' conditions a bare name before '{' is a rule reference, not a block. */
    private Disjunction disjunction(boolean inConditions) throws GuardRuleException {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(clause(inConditions));
        while (peek().isWord("or")) {
            take();
            clauses.add(clause(inConditions));
        }
        return new Disjunction(List.copyOf(clauses));
    }

    private Clause clause(boolean inConditions) throws GuardRuleException {
        Token start = peek();
        if (start.isWord("when")) {
            take();
            List<Disjunction> conditions = conditionsUntilBrace();
            Block body = braceBlock();
            return new WhenBlock(conditions, body, source(start));
        }
        if (start.isWord("rule") || start.isWord("let")) {
            throw new GuardRuleException(file, start.line(), start.column(),
                    "'" + start.text() + "' is not allowed here (rules and top-level variables cannot be nested)");
        }
        if (start.type() == Type.IDENT && start.text().contains("::")
                && (peek(1).is("{") || peek(1).isWord("when"))) {
            take();
            if (start.text().contains("*")) {
                throw new GuardRuleException(file, start.line(), start.column(),
                        "type block with a wildcard type name '" + start.text() + "' is not supported (cfn-guard"
                                + " 3.1.1 refuses it too)");
            }
            List<Disjunction> conditions = List.of();
            if (peek().isWord("when")) {
                take();
                conditions = conditionsUntilBrace();
            }
            Block body = braceBlock();
            return new TypeBlock(start.text(), conditions, body, source(start));
        }
        refuseFunctionAtClauseStart(start);
        if ((start.isWord("not") || start.is("!")) && peek(1).type() == Type.IDENT && !peek(1).isWord("some")
                && !peek(2).is(".")
                && !peek(2).is("[") && !operatorAt(2)) {
            take();
            Token name = take();
            return new RuleReference(name.text(), true, message(), source(start));
        }
        // 'not' before a query clause: cfn-guard 3.1.1 applies it to unary operators only ('not X exists' is
        // 'X not exists') and ignores it before a binary one ('not X == 1' is 'X == 1'); it refuses it before a
        // block clause, and '!' must touch the query.
        boolean notBefore = false;
        if (start.isWord("not") || start.is("!")) {
            if (start.is("!") && peek(1).start() != start.end()) {
                throw new GuardRuleException(file, start.line(), start.column(),
                        "'!' before a query must be followed directly by it (cfn-guard 3.1.1 refuses a space)");
            }
            take();
            notBefore = true;
        }
        if (!notBefore && start.type() == Type.IDENT && peek(1).is("(")
                && !FUNCTIONS.containsKey(start.text()) && !LATER_FUNCTIONS.contains(start.text())) {
            take();
            List<Expression> arguments = arguments();
            return new RuleCall(start.text(), arguments, message(), source(start));
        }
        boolean some = false;
        if (peek().isWord("some")) {
            take();
            some = true;
        }
        Query query = query();
        boolean bareName = !some && !notBefore && query.steps().isEmpty() && query.start() instanceof KeyStart
                && start.type() == Type.IDENT;
        if (notBefore && !inConditions && (peek().is("{") || ((peek().is("!") || peek().isWord("not"))
                && peek(1).isWord("empty") && peek(2).is("{")))) {
            throw new GuardRuleException(file, start.line(), start.column(), "'" + start.text() + "' before a block"
                    + " clause is not supported (cfn-guard 3.1.1 refuses it too)");
        }
        // In 'when' conditions a '{' always opens the guarded body, never a block clause.
        if (peek().is("{") && !inConditions) {
            Block body = braceBlock();
            return new BlockClause(some, query, false, body, message(), source(start));
        }
        if (!inConditions && (peek().is("!") || peek().isWord("not")) && peek(1).isWord("empty")
                && peek(2).is("{")) {
            take();
            take();
            Block body = braceBlock();
            return new BlockClause(some, query, true, body, message(), source(start));
        }
        if (startsOperator()) {
            boolean[] negatedOut = new boolean[1];
            Operator operator = operator(negatedOut);
            Expression right = operator.unary() ? null : rightHandSide(operator);
            boolean negated = operator.unary() ? negatedOut[0] != notBefore : negatedOut[0];
            return new Comparison(some, query, operator, negated, right, message(), source(start));
        }
        if (bareName) {
            return new RuleReference(start.text(), false, message(), source(start));
        }
        throw unexpected(peek(), "an operator (==, !=, <, <=, >, >=, IN, EXISTS, EMPTY, IS_STRING, ...) or '{' after"
                + " the query '" + query.source().text() + "'");
    }

    /**
     * cfn-guard 3.1.1 takes a built-in function's call only as a value: assigned with {@code let}, on the right of an
     * operator, or as another call's argument. A clause that starts with one ({@code count(Resources.*) > 1}, also
     * after {@code not} or {@code some}, in a {@code when} condition or as a block's query) does not parse there;
     * accepting it here would let a rule file pass review with this engine and break in cfn-guard.
     */
    private void refuseFunctionAtClauseStart(Token start) throws GuardRuleException {
        int ahead = start.isWord("not") || start.is("!") ? 1 : 0;
        if (peek(ahead).isWord("some")) {
            ahead++;
        }
        Token name = peek(ahead);
        if (name.type() == Type.IDENT && peek(ahead + 1).is("(")
                && (FUNCTIONS.containsKey(name.text()) || LATER_FUNCTIONS.contains(name.text()))) {
            throw new GuardRuleException(file, name.line(), name.column(), "a clause cannot start with the function"
                    + " call " + name.text() + "(...) (cfn-guard 3.1.1 refuses it too); assign the call to a variable"
                    + " first (let n = " + name.text() + "(...)) and test the variable (%n)");
        }
    }

    private List<Expression> arguments() throws GuardRuleException {
        expectPunct("(");
        List<Expression> arguments = new ArrayList<>();
        while (!peek().is(")")) {
            arguments.add(startsLiteral(peek()) ? new Literal(literal()) : query());
            if (peek().is(",")) {
                take();
            } else if (!peek().is(")")) {
                throw unexpected(peek(), "',' or ')' in the argument list");
            }
        }
        take();
        return List.copyOf(arguments);
    }

    private String message() {
        if (peek().type() == Type.MESSAGE) {
            return take().text();
        }
        return null;
    }

    /** Whether the token {@code ahead} starts an operator ('not Name exists' is a clause, 'not name' a rule). */
    private boolean operatorAt(int ahead) {
        Token t = peek(ahead);
        if (t.type() == Type.PUNCT) {
            return SYMBOLS.containsKey(t.text()) || (t.is("!") && isOperatorWord(peek(ahead + 1)));
        }
        if (t.isWord("not")) {
            return isOperatorWord(peek(ahead + 1));
        }
        return isOperatorWord(t);
    }

    private boolean startsOperator() {
        Token t = peek();
        if (t.type() == Type.PUNCT) {
            return SYMBOLS.containsKey(t.text()) || (t.is("!") && isOperatorWord(peek(1)));
        }
        if (t.isWord("not")) {
            return isOperatorWord(peek(1)) || SYMBOLS.containsKey(peek(1).text());
        }
        return isOperatorWord(t);
    }

    private static boolean isOperatorWord(Token t) {
        return t.type() == Type.IDENT && (t.isWord("in") || UNARY.containsKey(t.text().toLowerCase(Locale.ROOT)));
    }

    private Operator operator(boolean[] negatedOut) throws GuardRuleException {
        Token t = take();
        if (t.isWord("not") || t.is("!")) {
            negatedOut[0] = true;
            t = take();
        }
        if (t.type() == Type.PUNCT && SYMBOLS.containsKey(t.text())) {
            if (negatedOut[0]) {
                throw new GuardRuleException(file, t.line(), t.column(),
                        "'not' before '" + t.text() + "' is not supported; use the opposite operator");
            }
            return SYMBOLS.get(t.text());
        }
        if (t.isWord("in")) {
            return Operator.IN;
        }
        Operator unary = t.type() == Type.IDENT ? UNARY.get(t.text().toLowerCase(Locale.ROOT)) : null;
        if (unary == null) {
            throw unexpected(t, "an operator");
        }
        return unary;
    }

    private Expression rightHandSide(Operator operator) throws GuardRuleException {
        Token t = peek();
        if (startsLiteral(t)) {
            return new Literal(literal());
        }
        if (t.type() == Type.VAR || t.isWord("this")) {
            return query();
        }
        if (t.type() == Type.IDENT && !t.text().contains("::") && !isKeyword(t)) {
            return query(); // a query from the same context, such as 'FromPort <= ToPort'
        }
        if (t.type() == Type.IDENT && FUNCTIONS.containsKey(t.text()) && peek(1).is("(")) {
            return query();
        }
        throw unexpected(t, "a value (string, number, regular expression, list, map, range, true/false/null) or a"
                + " variable after " + operator.spelling);
    }

    private static boolean isKeyword(Token t) {
        for (String word : new String[] {"or", "not", "some", "when", "rule", "let", "in", "keys"}) {
            if (t.isWord(word)) {
                return true;
            }
        }
        return UNARY.containsKey(t.text().toLowerCase(Locale.ROOT));
    }

    private boolean startsLiteral(Token t) {
        switch (t.type()) {
            case STRING: case REGEX: case INT: case FLOAT:
                return true;
            case PUNCT:
                return t.is("[") || t.is("{");
            case IDENT:
                return t.isWord("true") || t.isWord("false") || t.isWord("null")
                        || (t.text().equals("r") && (peek(1).is("[") || peek(1).is("(")));
            default:
                return false;
        }
    }

    private GuardValue literal() throws GuardRuleException {
        Token t = take();
        switch (t.type()) {
            case STRING:
                return GuardValue.string(t.text(), "", t.line(), t.column());
            case REGEX:
                try {
                    return GuardValue.regex(GuardRegex.compile(t.text()), t.line(), t.column());
                } catch (PatternSyntaxException e) {
                    throw new GuardRuleException(file, t.line(), t.column(), "invalid regular expression /" + t.text()
                            + "/: " + e.getDescription());
                }
            case INT:
                try {
                    return GuardValue.integer(Long.parseLong(t.text()), "", t.line(), t.column());
                } catch (NumberFormatException e) {
                    throw new GuardRuleException(file, t.line(), t.column(), "integer out of range: " + t.text());
                }
            case FLOAT:
                return GuardValue.decimal(Double.parseDouble(t.text()), "", t.line(), t.column());
            case IDENT:
                if (t.isWord("true") || t.isWord("false")) {
                    return GuardValue.bool(t.isWord("true"), "", t.line(), t.column());
                }
                if (t.isWord("null")) {
                    return GuardValue.nullValue("", t.line(), t.column());
                }
                return range(t);
            default:
                break;
        }
        if (t.is("[")) {
            List<GuardValue> items = new ArrayList<>();
            while (!peek().is("]")) {
                if (!startsLiteral(peek())) {
                    throw unexpected(peek(), "a value in the list (queries and variables are not allowed inside a list"
                            + " literal)");
                }
                items.add(literal());
                if (peek().is(",")) {
                    take();
                } else if (!peek().is("]")) {
                    throw unexpected(peek(), "',' or ']' in the list");
                }
            }
            take();
            return GuardValue.list(items, "", t.line(), t.column());
        }
        if (t.is("{")) {
            Map<String, GuardValue> entries = new LinkedHashMap<>();
            while (!peek().is("}")) {
                Token key = take();
                if (key.type() != Type.STRING && key.type() != Type.IDENT) {
                    throw unexpected(key, "a key in the map");
                }
                expectPunct(":");
                if (!startsLiteral(peek())) {
                    throw unexpected(peek(), "a value in the map");
                }
                entries.put(key.text(), literal());
                if (peek().is(",")) {
                    take();
                } else if (!peek().is("}")) {
                    throw unexpected(peek(), "',' or '}' in the map");
                }
            }
            take();
            return GuardValue.map(entries, "", t.line(), t.column());
        }
        throw unexpected(t, "a value");
    }

    /** {@code r[1, 10]}, {@code r(1, 10)}, {@code r[1, 10)}, {@code r(1.5, 2.5]}. */
    private GuardValue range(Token r) throws GuardRuleException {
        boolean lowerInclusive = take().is("[");
        GuardValue lower = number();
        expectPunct(",");
        GuardValue upper = number();
        Token close = take();
        if (!close.is("]") && !close.is(")")) {
            throw unexpected(close, "']' or ')' closing the range");
        }
        if (lower.kind() != upper.kind()) {
            throw new GuardRuleException(file, r.line(), r.column(), "range bounds must both be integers or both"
                    + " floats");
        }
        return GuardValue.range(new GuardValue.Range(lower, lowerInclusive, upper, close.is("]")), r.line(),
                r.column());
    }

    private GuardValue number() throws GuardRuleException {
        Token t = peek();
        if (t.type() != Type.INT && t.type() != Type.FLOAT) {
            throw unexpected(t, "a number in the range");
        }
        return literal();
    }

    Query query() throws GuardRuleException {
        Token first = take();
        Start start;
        switch (first.type()) {
            case VAR:
                start = new VariableStart(first.text());
                break;
            case STRING:
                start = new KeyStart(first.text());
                break;
            case IDENT:
                if (first.isWord("this")) {
                    start = new ThisStart();
                } else if (peek().is("(")) {
                    start = new FunctionStart(functionCall(first));
                } else {
                    start = new KeyStart(first.text());
                }
                break;
            case PUNCT:
                if (first.is("*")) {
                    throw new GuardRuleException(file, first.line(), first.column(),
                            "a query cannot start with '*'; name the key first");
                }
                // fall through
            default:
                throw unexpected(first, "a query (a key, %variable or this)");
        }
        if (start instanceof FunctionStart && (peek().is(".") || peek().is("["))) {
            throw new GuardRuleException(file, peek().line(), peek().column(), "a function call's result cannot be"
                    + " queried further (cfn-guard 3.1.1 refuses it too); assign it to a variable and query that");
        }
        List<Step> steps = new ArrayList<>();
        while (true) {
            if (peek().is(".")) {
                take();
                Token part = take();
                if (part.type() == Type.IDENT || part.type() == Type.STRING) {
                    steps.add(new KeyStep(part.text()));
                } else if (part.is("*")) {
                    steps.add(new AllValuesStep());
                } else if (part.type() == Type.INT) {
                    steps.add(new IndexStep(Integer.parseInt(part.text())));
                } else if (part.type() == Type.VAR) {
                    steps.add(new VariableKeyStep(part.text(), new Source(part.line(), part.column(), "%" + part.text())));
                } else {
                    throw unexpected(part, "a key, '*' or an index after '.'");
                }
            } else if (peek().is("[")) {
                steps.add(bracket());
            } else {
                break;
            }
        }
        return new Query(start, List.copyOf(steps), source(first));
    }

    private FunctionCall functionCall(Token name) throws GuardRuleException {
        if (LATER_FUNCTIONS.contains(name.text())) {
            throw new GuardRuleException(file, name.line(), name.column(), "the built-in function " + name.text()
                    + "() is not supported (it came after cfn-guard 3.1.1, which refuses it too)");
        }
        Integer expected = FUNCTIONS.get(name.text());
        if (expected == null) {
            throw new GuardRuleException(file, name.line(), name.column(), "unknown function " + name.text() + "()");
        }
        List<Expression> arguments = arguments();
        if (arguments.size() != expected) {
            throw new GuardRuleException(file, name.line(), name.column(),
                    name.text() + "() takes " + expected + " argument(s), got " + arguments.size());
        }
        return new FunctionCall(name.text(), arguments, source(name));
    }

    private Step bracket() throws GuardRuleException {
        Token open = take();
        Token t = peek();
        if (t.is("*") && peek(1).is("]")) {
            take();
            take();
            return new AllItemsStep();
        }
        if (t.type() == Type.INT && peek(1).is("]")) {
            take();
            take();
            return new IndexStep(Integer.parseInt(t.text()));
        }
        if (t.type() == Type.STRING && peek(1).is("]")) {
            take();
            take();
            return new KeyStep(t.text());
        }
        if (t.type() == Type.VAR && peek(1).is("]")) {
            throw new GuardRuleException(file, t.line(), t.column(),
                    "a variable as an index or key ('[%" + t.text() + "]') is not supported (cfn-guard 3.1.1"
                            + " refuses it too); write '.%" + t.text() + "'");
        }
        if (t.isWord("keys")) {
            take();
            if (!startsOperator()) {
                throw unexpected(peek(), "an operator after 'keys'");
            }
            boolean[] negated = new boolean[1];
            Operator operator = operator(negated);
            Expression right = operator.unary() ? null : rightHandSide(operator);
            expectPunct("]");
            return new KeysFilterStep(operator, negated[0], right);
        }
        List<Disjunction> clauses = new ArrayList<>();
        while (!peek().is("]")) {
            if (peek().type() == Type.EOF) {
                throw new GuardRuleException(file, open.line(), open.column(), "'[' is not closed with ']'");
            }
            clauses.add(disjunction());
        }
        take();
        if (clauses.isEmpty()) {
            throw new GuardRuleException(file, open.line(), open.column(), "empty filter '[]'");
        }
        return new FilterStep(List.copyOf(clauses));
    }

    private Source source(Token start) {
        int lastIndex = Math.max(0, next - 1);
        if (tokens.get(lastIndex).type() == Type.MESSAGE && lastIndex > 0) {
            lastIndex--; // the custom message is reported on its own, not as part of the clause
        }
        Token last = tokens.get(lastIndex);
        int end = Math.max(start.end(), last.end());
        String snippet = text.substring(start.start(), end).replaceAll("\\s+", " ").strip();
        return new Source(start.line(), start.column(), snippet);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.type() != Type.EOF) {
            next++;
        }
        return t;
    }

    private Token expect(Type type, String what) throws GuardRuleException {
        Token t = take();
        if (t.type() != type) {
            throw unexpected(t, what);
        }
        return t;
    }

    private void expectPunct(String punct) throws GuardRuleException {
        Token t = take();
        if (!t.is(punct)) {
            throw unexpected(t, "'" + punct + "'");
        }
    }

    private GuardRuleException unexpected(Token t, String expected) {
        String found = t.type() == Type.EOF ? "end of file" : "'" + t.text() + "'";
        return new GuardRuleException(file, t.line(), t.column(), "expected " + expected + ", found " + found);
    }
}
