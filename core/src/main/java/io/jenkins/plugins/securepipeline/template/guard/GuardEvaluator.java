package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.guard.GuardSyntax.*;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one parsed rule file against one template, with cfn-guard's semantics: a query that selects nothing
 * makes its clause SKIP, a missing key makes it FAIL (except for {@code not exists} and {@code empty}), values of
 * different types never compare equal, and a rule whose {@code when} conditions do not PASS is SKIP. Not thread
 * safe: one evaluator per template.
 */
final class GuardEvaluator {
    /**
     * A value a query reached, or where it stopped ({@code value} null) and why. The rest of the query that was not
     * found is kept as the steps themselves ({@link Trail}) and written out only for a failure's message: most
     * missing values (a filter's {@code Metadata.guard.SuppressedRules not exists} on every resource) never are.
     */
    record Result(GuardValue value, GuardValue traversedTo, Trail trail, String reason) {
        static Result resolved(GuardValue value) {
            return new Result(value, null, null, null);
        }

        boolean isResolved() {
            return value != null;
        }

        /** The part of the query that was not found, such as {@code Properties.KmsMasterKeyId}. */
        String remaining() {
            return trail == null ? "" : trail.toString();
        }

        /** This missing value with one more step of the query after it. */
        Result further(Object part) {
            return new Result(null, traversedTo, new Trail(trail, part), reason);
        }
    }

    /** Query parts not found, last first: each a {@link Step} or a text. */
    record Trail(Trail before, Object part) {
        static Trail of(Object part) {
            return new Trail(null, part);
        }

        @Override
        public String toString() {
            String text = part instanceof Step step ? stepText(step) : String.valueOf(part);
            return before == null ? text : before + text;
        }
    }

    /** Variables visible at one place, evaluated on first use against the scope's context value. */
    private static final class Scope {
        final Scope parent;
        final GuardValue context;
        final Map<String, Let> lets = new HashMap<>();
        final Map<String, List<Result>> values = new HashMap<>();

        Scope(Scope parent, GuardValue context, List<Let> lets) {
            this.parent = parent;
            this.context = context;
            for (Let let : lets) {
                this.lets.put(let.name(), let);
            }
        }
    }

    /** An error in the rules found only while evaluating (unknown variable or rule, a rule that calls itself). */
    static final class EvaluationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int line;
        final int column;
        final String problem;

        EvaluationException(Source source, String problem) {
            super(problem);
            this.line = source.line();
            this.column = source.column();
            this.problem = problem;
        }
    }

    private final RuleFile file;
    private final GuardValue root;
    private final Scope fileScope;
    private final Map<String, Rule> rules = new HashMap<>();
    private final Map<String, GuardStatus> statuses = new HashMap<>();
    private final Map<String, List<GuardFailure>> failures = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    /** The rule being evaluated, for naming failures. */
    private String currentRule;

    GuardEvaluator(RuleFile file, GuardValue root) {
        this.file = file;
        this.root = root;
        this.fileScope = new Scope(null, root, file.lets());
        for (Rule rule : file.rules()) {
            rules.put(rule.name(), rule);
        }
    }

    /** Name of the rule made of the clauses outside any rule, as cfn-guard names it. */
    static String defaultRuleName(String fileName) {
        return fileName + "/default";
    }

    /** Status of every rule of the file that is not parameterised (and of the default rule if it has clauses). */
    Map<String, GuardStatus> evaluateAll() {
        Map<String, GuardStatus> out = new LinkedHashMap<>();
        if (!file.defaultBody().clauses().isEmpty()) {
            String name = defaultRuleName(file.name());
            List<GuardFailure> found = new ArrayList<>();
            currentRule = name;
            GuardStatus status = block(file.defaultBody(), new Scope(fileScope, root, List.of()), found);
            out.put(name, status);
            failures.put(name, status == GuardStatus.FAIL ? found : List.of());
        }
        for (Rule rule : file.rules()) {
            if (rule.parameters().isEmpty()) {
                out.put(rule.name(), ruleStatus(rule.name(), rule.source()));
            }
        }
        return out;
    }

    /** The failed checks of a rule after {@link #evaluateAll()}. */
    List<GuardFailure> failures(String rule) {
        return failures.getOrDefault(rule, List.of());
    }

    private GuardStatus ruleStatus(String name, Source from) {
        GuardStatus known = statuses.get(name);
        if (known != null) {
            return known;
        }
        Rule rule = rules.get(name);
        if (rule == null) {
            throw new EvaluationException(from, "unknown rule '" + name + "'");
        }
        if (!rule.parameters().isEmpty()) {
            throw new EvaluationException(from, "rule '" + name + "' takes parameters; call it as " + name
                    + "(...)");
        }
        if (!inProgress.add(name)) {
            throw new EvaluationException(from, "rule '" + name + "' depends on itself");
        }
        String outer = currentRule;
        currentRule = name;
        try {
            Scope scope = new Scope(fileScope, root, rule.body().lets());
            List<GuardFailure> found = new ArrayList<>();
            GuardStatus status;
            if (!rule.conditions().isEmpty() && conjunction(rule.conditions(), scope, null) != GuardStatus.PASS) {
                status = GuardStatus.SKIP;
            } else {
                status = clauses(rule.body().clauses(), scope, found);
            }
            statuses.put(name, status);
            failures.put(name, status == GuardStatus.FAIL ? found : List.of());
            return status;
        } finally {
            currentRule = outer;
            inProgress.remove(name);
        }
    }

    private GuardStatus block(Block block, Scope scope, List<GuardFailure> out) {
        return clauses(block.clauses(), scope, out);
    }

    /** Clauses that must all hold; an empty body passes. */
    private GuardStatus clauses(List<Disjunction> clauses, Scope scope, List<GuardFailure> out) {
        if (clauses.isEmpty()) {
            return GuardStatus.PASS;
        }
        return conjunction(clauses, scope, out);
    }

    private GuardStatus conjunction(List<Disjunction> clauses, Scope scope, List<GuardFailure> out) {
        GuardStatus status = GuardStatus.SKIP;
        for (Disjunction disjunction : clauses) {
            status = GuardStatus.and(status, disjunction(disjunction, scope, out));
        }
        return status;
    }

    private GuardStatus disjunction(Disjunction disjunction, Scope scope, List<GuardFailure> out) {
        if (disjunction.clauses().size() == 1) {
            return clause(disjunction.clauses().get(0), scope, out);
        }
        List<GuardFailure> found = out == null ? null : new ArrayList<>();
        GuardStatus status = GuardStatus.SKIP;
        for (Clause clause : disjunction.clauses()) {
            status = GuardStatus.or(status, clause(clause, scope, found));
            if (status == GuardStatus.PASS) {
                return status;
            }
        }
        if (out != null && status == GuardStatus.FAIL) {
            out.addAll(found);
        }
        return status;
    }

    private GuardStatus clause(Clause clause, Scope scope, List<GuardFailure> out) {
        if (clause instanceof Comparison comparison) {
            return comparison(comparison, scope, out);
        } else if (clause instanceof BlockClause blockClause) {
            return blockClause(blockClause, scope, out);
        } else if (clause instanceof WhenBlock when) {
            if (conjunction(when.conditions(), scope, null) != GuardStatus.PASS) {
                return GuardStatus.SKIP;
            }
            return block(when.body(), new Scope(scope, scope.context, when.body().lets()), out);
        } else if (clause instanceof TypeBlock typeBlock) {
            return typeBlock(typeBlock, scope, out);
        } else if (clause instanceof RuleReference reference) {
            GuardStatus referenced = ruleStatus(reference.name(), reference.source());
            boolean holds = reference.negated() ? referenced != GuardStatus.PASS : referenced == GuardStatus.PASS;
            if (!holds && out != null) {
                out.add(failure(null, reference.message(), reference.source().text() + ": rule " + reference.name()
                        + " is " + referenced));
            }
            return holds ? GuardStatus.PASS : GuardStatus.FAIL;
        } else {
            return ruleCall((RuleCall) clause, scope, out);
        }
    }

    private GuardStatus typeBlock(TypeBlock typeBlock, Scope scope, List<GuardFailure> out) {
        GuardValue resources = root.entries().get("Resources");
        GuardStatus status = GuardStatus.SKIP;
        if (resources == null || !resources.isMap()) {
            return status;
        }
        // cfn-guard evaluates a type block's 'when' conditions once, in the enclosing context, not per resource.
        if (!typeBlock.conditions().isEmpty() && conjunction(typeBlock.conditions(), scope, null) != GuardStatus.PASS) {
            return status;
        }
        for (GuardValue resource : resources.entries().values()) {
            GuardValue type = resource.entries().get("Type");
            if (type == null || type.kind() != GuardValue.Kind.STRING || !type.text().equals(typeBlock.type())) {
                continue;
            }
            Scope resourceScope = new Scope(scope, resource, typeBlock.body().lets());
            status = GuardStatus.and(status, block(typeBlock.body(), resourceScope, out));
        }
        return status;
    }

    private GuardStatus blockClause(BlockClause blockClause, Scope scope, List<GuardFailure> out) {
        List<Result> results = query(blockClause.query(), scope);
        if (results.isEmpty()) {
            if (blockClause.notEmpty()) {
                if (out != null) {
                    out.add(failure(null, blockClause.message(), blockClause.source().text()
                            + ": the query selected nothing"));
                }
                return GuardStatus.FAIL;
            }
            return GuardStatus.SKIP;
        }
        List<GuardFailure> found = out == null ? null : new ArrayList<>();
        GuardStatus all = GuardStatus.SKIP;
        GuardStatus any = GuardStatus.SKIP;
        for (Result result : results) {
            GuardStatus status;
            if (!result.isResolved()) {
                status = GuardStatus.FAIL;
                if (found != null) {
                    found.add(missing(result, blockClause.message(), blockClause.source()));
                }
            } else {
                status = block(blockClause.body(), new Scope(scope, result.value(), blockClause.body().lets()), found);
            }
            all = GuardStatus.and(all, status);
            any = GuardStatus.or(any, status);
        }
        GuardStatus status = blockClause.some() ? any : all;
        if (out != null && status == GuardStatus.FAIL) {
            out.addAll(found);
        }
        return status;
    }

    private GuardStatus ruleCall(RuleCall call, Scope scope, List<GuardFailure> out) {
        Rule rule = rules.get(call.name());
        if (rule == null) {
            throw new EvaluationException(call.source(), "unknown rule '" + call.name() + "'");
        }
        if (rule.parameters().size() != call.arguments().size()) {
            throw new EvaluationException(call.source(), "rule '" + call.name() + "' takes "
                    + rule.parameters().size() + " argument(s), got " + call.arguments().size());
        }
        if (!inProgress.add(call.name())) {
            throw new EvaluationException(call.source(), "rule '" + call.name() + "' calls itself");
        }
        try {
            Scope callScope = new Scope(fileScope, scope.context, rule.body().lets());
            for (int i = 0; i < rule.parameters().size(); i++) {
                callScope.values.put(rule.parameters().get(i), expression(call.arguments().get(i), scope));
            }
            List<GuardFailure> found = out == null ? null : new ArrayList<>();
            GuardStatus status;
            if (!rule.conditions().isEmpty() && conjunction(rule.conditions(), callScope, null) != GuardStatus.PASS) {
                status = GuardStatus.SKIP;
            } else {
                status = clauses(rule.body().clauses(), callScope, found);
            }
            if (out != null && status == GuardStatus.FAIL) {
                if (call.message() != null) {
                    for (GuardFailure failure : found) {
                        out.add(new GuardFailure(failure.rule(), failure.resource(), failure.propertyPath(),
                                failure.line(), failure.column(), call.message(), failure.detail()));
                    }
                } else {
                    out.addAll(found);
                }
            }
            return status;
        } finally {
            inProgress.remove(call.name());
        }
    }

    // ---- comparisons ----

    private GuardStatus comparison(Comparison comparison, Scope scope, List<GuardFailure> out) {
        List<Result> results = query(comparison.left(), scope);
        Operator operator = comparison.operator();
        if (results.isEmpty()) {
            if (operator == Operator.EMPTY) {
                GuardStatus status = comparison.negated() ? GuardStatus.FAIL : GuardStatus.PASS;
                if (status == GuardStatus.FAIL && out != null) {
                    out.add(failure(null, comparison.message(), comparison.source().text()
                            + ": the query selected nothing"));
                }
                return status;
            }
            return GuardStatus.SKIP;
        }
        List<Result> right = comparison.right() == null ? null : expression(comparison.right(), scope);
        if (right != null && right.isEmpty()) {
            return GuardStatus.SKIP; // a right-hand side that selected nothing (cfn-guard: nothing to compare with)
        }
        boolean rightIsQuery = comparison.right() != null && !(comparison.right() instanceof Literal);
        List<GuardFailure> found = out == null ? null : new ArrayList<>();
        boolean anyPass = false;
        boolean anyFail = false;
        boolean emptyOnSelection = operator == Operator.EMPTY && selectsValues(comparison.left());
        if (comparesItems(operator, comparison.right())) {
            results = items(results);
        }
        for (Result result : results) {
            String problem = emptyOnSelection ? selectionEmpty(result, comparison.negated())
                    : check(result, operator, comparison.negated(), right, rightIsQuery);
            if (problem == null) {
                anyPass = true;
            } else {
                anyFail = true;
                if (found != null) {
                    found.add(result.isResolved()
                            ? failure(result.value(), comparison.message(), comparison.source().text() + ": " + problem)
                            : missing(result, comparison.message(), comparison.source()));
                }
            }
        }
        boolean pass = comparison.some() ? anyPass : !anyFail;
        if (!pass && out != null) {
            out.addAll(found);
        }
        return pass ? GuardStatus.PASS : GuardStatus.FAIL;
    }

    /**
     * A list compared with a single value (==, !=, <, ...) is compared item by item, each item a value of its own,
     * so that {@code some} holds when one item does, as in cfn-guard.
     */
    private static boolean comparesItems(Operator operator, Expression right) {
        return !operator.unary() && operator != Operator.IN && right instanceof Literal literal
                && !literal.value().isList();
    }

    private static List<Result> items(List<Result> results) {
        List<Result> out = new ArrayList<>();
        for (Result result : results) {
            if (result.isResolved() && result.value().isList() && !result.value().items().isEmpty()) {
                for (GuardValue item : result.value().items()) {
                    out.add(Result.resolved(item));
                }
            } else {
                out.add(result);
            }
        }
        return out;
    }

    /**
     * True for a query that ends in a filter, or is a bare variable: there EMPTY asks whether anything was selected
     * (a selected value counts as present unless it is null), not whether each selected value is an empty list.
     */
    private static boolean selectsValues(Query query) {
        if (query.steps().isEmpty()) {
            return query.start() instanceof VariableStart;
        }
        Step last = query.steps().get(query.steps().size() - 1);
        return last instanceof FilterStep || last instanceof KeysFilterStep;
    }

    private static String selectionEmpty(Result result, boolean negated) {
        boolean empty = !result.isResolved() || result.value().kind() == GuardValue.Kind.NULL;
        if (empty != negated) {
            return null;
        }
        return negated ? "nothing was selected" : "a value was selected";
    }

    /** Null when the value satisfies the comparison, else what is wrong. */
    private String check(Result result, Operator operator, boolean negated, List<Result> right, boolean rightIsQuery) {
        if (!result.isResolved()) {
            if (operator == Operator.EXISTS && negated) {
                return null;
            }
            if (operator == Operator.EMPTY && !negated) {
                return null;
            }
            if (operator.unary() && operator != Operator.EXISTS && operator != Operator.EMPTY && negated) {
                return null; // a missing value is not a string, list, ...
            }
            return "missing";
        }
        GuardValue value = result.value();
        switch (operator) {
            case EXISTS:
                return negated ? "exists" : null;
            case EMPTY: {
                Boolean empty = isEmpty(value);
                if (empty == null) {
                    return "EMPTY does not apply to " + describe(value);
                }
                return empty != negated ? null : (negated ? "is empty" : "is not empty");
            }
            case IS_STRING: return typeCheck(value, value.kind() == GuardValue.Kind.STRING, negated, "a string");
            case IS_LIST: return typeCheck(value, value.kind() == GuardValue.Kind.LIST, negated, "a list");
            case IS_STRUCT: return typeCheck(value, value.kind() == GuardValue.Kind.MAP, negated, "a struct");
            case IS_INT: return typeCheck(value, value.kind() == GuardValue.Kind.INT, negated, "an integer");
            case IS_FLOAT: return typeCheck(value, value.kind() == GuardValue.Kind.FLOAT, negated, "a float");
            case IS_BOOL: return typeCheck(value, value.kind() == GuardValue.Kind.BOOL, negated, "a boolean");
            case IS_NULL: return typeCheck(value, value.kind() == GuardValue.Kind.NULL, negated, "null");
            default:
                break;
        }
        for (Result r : right) {
            if (!r.isResolved()) {
                return "the right-hand side " + r.remaining() + " is missing";
            }
        }
        Boolean holds;
        if (rightIsQuery) {
            holds = compareWithQuery(value, operator, right);
        } else {
            holds = compare(value, operator, right.get(0).value());
        }
        if (holds == null) {
            return describe(value) + " cannot be compared with " + rightText(right, rightIsQuery);
        }
        if (holds != negated) {
            return null;
        }
        return describe(value) + " is not " + (negated ? "NOT " : "") + operator.spelling + " "
                + rightText(right, rightIsQuery);
    }

    private static String rightText(List<Result> right, boolean query) {
        if (!query) {
            return String.valueOf(right.get(0).value());
        }
        List<String> values = new ArrayList<>();
        for (Result r : right) {
            values.add(String.valueOf(r.value()));
        }
        return values.toString();
    }

    private static String typeCheck(GuardValue value, boolean is, boolean negated, String what) {
        if (is != negated) {
            return null;
        }
        return describe(value) + (negated ? " is " : " is not ") + what;
    }

    private static String describe(GuardValue value) {
        String text = value.toString();
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        return text;
    }

    private static Boolean isEmpty(GuardValue value) {
        switch (value.kind()) {
            case LIST: return value.items().isEmpty();
            case MAP: return value.entries().isEmpty();
            case STRING: return value.text().isEmpty();
            case BOOL: return false;
            default: return null;
        }
    }

    /**
     * Against a variable or query: IN holds when the value is among the values (a list value counts as its items);
     * the other operators must hold against every value.
     */
    private static Boolean compareWithQuery(GuardValue value, Operator operator, List<Result> right) {
        if (right.isEmpty()) {
            return null;
        }
        if (operator == Operator.IN) {
            List<GuardValue> pool = new ArrayList<>();
            for (Result r : right) {
                if (r.value().isList()) {
                    pool.addAll(r.value().items());
                }
                pool.add(r.value());
            }
            GuardValue all = GuardValue.list(pool, "", 0, 0);
            return compare(value, Operator.IN, all);
        }
        for (Result r : right) {
            Boolean holds = compare(value, operator, r.value());
            if (holds == null || !holds) {
                return holds;
            }
        }
        return true;
    }

    /** True or false, or null when the two values cannot be compared (Guard then fails the check). */
    static Boolean compare(GuardValue left, Operator operator, GuardValue right) {
        if (operator == Operator.IN) {
            return in(left, right);
        }
        if (left.isList() && right.isList()) {
            if (operator == Operator.EQ || operator == Operator.NE) {
                return left.sameAs(right) == (operator == Operator.EQ);
            }
            return null;
        }
        if (left.isList()) {
            for (GuardValue item : left.items()) {
                Boolean holds = compare(item, operator, right);
                if (holds == null || !holds) {
                    return holds;
                }
            }
            return true;
        }
        if (right.isList()) {
            return right.items().size() == 1 ? compare(left, operator, right.items().get(0)) : null;
        }
        if (right.kind() == GuardValue.Kind.REGEX) {
            if (left.kind() != GuardValue.Kind.STRING || (operator != Operator.EQ && operator != Operator.NE)) {
                return null;
            }
            return right.pattern().matcher(left.text()).find() == (operator == Operator.EQ);
        }
        if (right.kind() == GuardValue.Kind.RANGE) {
            return null;
        }
        if (left.kind() != right.kind()) {
            return null;
        }
        if (left.isMap() && (operator == Operator.EQ || operator == Operator.NE)) {
            Boolean equal = mapsEqual(left, right);
            return equal == null ? null : equal == (operator == Operator.EQ);
        }
        if (operator == Operator.EQ || operator == Operator.NE) {
            return left.sameAs(right) == (operator == Operator.EQ);
        }
        Integer order = order(left, right);
        if (order == null) {
            return null;
        }
        switch (operator) {
            case LT: return order < 0;
            case LE: return order <= 0;
            case GT: return order > 0;
            default: return order >= 0;
        }
    }

    /**
     * Maps with other keys differ; with the same keys, a value of another type under one key makes the two maps
     * incomparable (null), which fails the check whichever operator it uses, as in cfn-guard.
     */
    private static Boolean mapsEqual(GuardValue left, GuardValue right) {
        if (!left.entries().keySet().equals(right.entries().keySet())) {
            return false;
        }
        boolean equal = true;
        for (Map.Entry<String, GuardValue> entry : left.entries().entrySet()) {
            GuardValue other = right.entries().get(entry.getKey());
            GuardValue value = entry.getValue();
            if (value.kind() != other.kind()) {
                return null;
            }
            if (value.isMap()) {
                Boolean nested = mapsEqual(value, other);
                if (nested == null) {
                    return null;
                }
                equal &= nested;
            } else {
                equal &= value.sameAs(other);
            }
        }
        return equal;
    }

    private static Integer order(GuardValue left, GuardValue right) {
        switch (left.kind()) {
            case INT: return Long.compare(left.integerValue(), right.integerValue());
            case FLOAT: return Double.compare(left.decimalValue(), right.decimalValue());
            case STRING: return left.text().compareTo(right.text());
            case CHAR: return Integer.compare(left.text().codePointAt(0), right.text().codePointAt(0));
            default: return null;
        }
    }

    private static Boolean in(GuardValue left, GuardValue right) {
        if (right.kind() == GuardValue.Kind.RANGE) {
            if (left.isList()) {
                for (GuardValue item : left.items()) {
                    Boolean holds = in(item, right);
                    if (holds == null || !holds) {
                        return holds;
                    }
                }
                return true;
            }
            GuardValue.Range range = right.rangeValue();
            if (left.kind() != range.lower().kind()) {
                return null;
            }
            int low = order(left, range.lower());
            int high = order(left, range.upper());
            return (range.lowerInclusive() ? low >= 0 : low > 0) && (range.upperInclusive() ? high <= 0 : high < 0);
        }
        if (!right.isList()) {
            return compare(left, Operator.EQ, right);
        }
        for (GuardValue item : right.items()) {
            if (item.kind() == GuardValue.Kind.REGEX) {
                if (left.kind() == GuardValue.Kind.STRING && item.pattern().matcher(left.text()).find()) {
                    return true;
                }
            } else if (left.sameAs(item)) {
                return true;
            }
        }
        if (left.isList()) {
            for (GuardValue item : left.items()) {
                Boolean holds = in(item, right);
                if (holds == null || !holds) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // ---- queries ----

    private List<Result> expression(Expression expression, Scope scope) {
        if (expression instanceof Literal literal) {
            return List.of(Result.resolved(literal.value()));
        }
        if (expression instanceof FunctionCall call) {
            return function(call, scope);
        }
        return query((Query) expression, scope);
    }

    List<Result> query(Query query, Scope scope) {
        List<Result> current;
        Start start = query.start();
        if (start instanceof VariableStart variable) {
            current = variable(variable.name(), scope, query.source());
        } else if (start instanceof ThisStart) {
            current = List.of(Result.resolved(scope.context));
        } else if (start instanceof FunctionStart function) {
            current = function(function.call(), scope);
        } else {
            current = step(List.of(Result.resolved(scope.context)), new KeyStep(((KeyStart) start).key()), scope);
        }
        List<Step> steps = query.steps();
        int first = 0;
        if (start instanceof VariableStart && !steps.isEmpty()) {
            // A variable holds the set of values its query selected: '[*]' right after it is that set itself, and a
            // filter right after it tests each of those values (not their contents).
            if (steps.get(0) instanceof AllItemsStep) {
                first = 1;
            } else if (steps.get(0) instanceof FilterStep) {
                List<Result> kept = new ArrayList<>();
                for (Result result : current) {
                    if (!result.isResolved()) {
                        kept.add(result);
                    } else if (conjunction(((FilterStep) steps.get(0)).clauses(),
                            new Scope(scope, result.value(), List.of()), null) == GuardStatus.PASS) {
                        kept.add(result);
                    }
                }
                current = kept;
                first = 1;
            }
        }
        for (int i = first; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean all = step instanceof AllValuesStep || step instanceof AllItemsStep;
            if (all && i + 1 < steps.size()
                    && (steps.get(i + 1) instanceof FilterStep || steps.get(i + 1) instanceof KeysFilterStep)) {
                // 'x.*[filter]' and 'x[*][filter]' filter the items of x itself, as 'x[filter]' does.
                current = filter(current, steps.get(i + 1), scope, step instanceof AllItemsStep);
                i++;
            } else if (step instanceof VariableKeyStep variableKey && i + 1 < steps.size()
                    && steps.get(i + 1) instanceof IndexStep index) {
                // cfn-guard: '.%keys[n]' looks up only the n-th key the variable holds (n counted without its sign),
                // and then still applies [n] to the value found.
                List<Result> out = new ArrayList<>();
                for (Result input : current) {
                    if (!input.isResolved()) {
                        out.add(input.further(step));
                    } else {
                        variableKey(input, variableKey, Math.abs(index.index()), scope, out);
                    }
                }
                current = out;
            } else {
                current = step(current, step, scope);
            }
        }
        return current;
    }

    private List<Result> variable(String name, Scope scope, Source source) {
        for (Scope s = scope; s != null; s = s.parent) {
            List<Result> known = s.values.get(name);
            if (known != null) {
                return known;
            }
            Let let = s.lets.get(name);
            if (let != null) {
                if (s.values.containsKey(name)) {
                    return s.values.get(name);
                }
                List<Result> value = expression(let.value(), s);
                s.values.put(name, value);
                return value;
            }
        }
        throw new EvaluationException(source, "unknown variable %" + name);
    }

    private List<Result> step(List<Result> inputs, Step step, Scope scope) {
        List<Result> out = new ArrayList<>();
        for (Result input : inputs) {
            if (!input.isResolved()) {
                out.add(input.further(step));
                continue;
            }
            GuardValue value = input.value();
            if (step instanceof KeyStep key) {
                GuardValue child = value.entries().get(key.key());
                if (child == null && value.isMap()) {
                    for (String spelling : KeySpellings.of(key.key())) {
                        child = value.entries().get(spelling);
                        if (child != null) {
                            break;
                        }
                    }
                }
                if (child != null) {
                    out.add(Result.resolved(child));
                } else {
                    out.add(new Result(null, value, Trail.of(key.key()), value.isMap() ? "key not found"
                            : "not a struct"));
                }
            } else if (step instanceof VariableKeyStep variableKey) {
                variableKey(input, variableKey, -1, scope, out);
            } else if (step instanceof AllValuesStep) {
                Collection<GuardValue> children = value.isMap() ? value.entries().values() : value.items();
                if (children.isEmpty()) {
                    out.add(new Result(null, value, Trail.of("*"), value.isMap() || value.isList() ? "empty" : "not a struct"
                            + " or list"));
                }
                for (GuardValue child : children) {
                    out.add(Result.resolved(child));
                }
            } else if (step instanceof AllItemsStep) {
                if (!value.isList()) {
                    out.add(input);
                } else if (value.items().isEmpty()) {
                    out.add(new Result(null, value, Trail.of("[*]"), "empty list"));
                } else {
                    for (GuardValue child : value.items()) {
                        out.add(Result.resolved(child));
                    }
                }
            } else if (step instanceof IndexStep index) {
                int i = index.index() < 0 ? value.items().size() + index.index() : index.index();
                if (value.isList() && i >= 0 && i < value.items().size()) {
                    out.add(Result.resolved(value.items().get(i)));
                } else {
                    out.add(new Result(null, value, Trail.of(step), value.isList()
                            ? "index out of range" : "not a list"));
                }
            } else {
                out.addAll(filter(List.of(input), step, scope, false));
            }
        }
        return out;
    }

    /**
     * {@code map.%name}: the values under each key the variable holds, as cfn-guard looks them up: exactly as
     * spelled, a list value gives several keys, a key that is missing (or a variable value that was not found) is
     * a missing value, a key that is not a string is a rule error.
     */
    private void variableKey(Result input, VariableKeyStep step, int onlyKey, Scope scope, List<Result> out) {
        String variable = step.variable();
        GuardValue map = input.value();
        String remaining = ".%" + variable;
        if (!map.isMap()) {
            out.add(new Result(null, map, Trail.of(remaining), "not a struct, cannot look up keys from %" + variable));
            return;
        }
        List<Result> keys = variable(variable, scope, step.source());
        if (onlyKey >= 0) {
            if (onlyKey >= keys.size()) {
                out.add(new Result(null, map, Trail.of(remaining), "index " + onlyKey + " is beyond the " + keys.size()
                        + " values of %" + variable));
                return;
            }
            keys = List.of(keys.get(onlyKey));
        }
        for (Result key : keys) {
            if (!key.isResolved()) {
                out.add(new Result(null, map, Trail.of(remaining), "the keys in %" + variable + " were not all found"));
                continue;
            }
            List<GuardValue> names = key.value().isList() ? key.value().items() : List.of(key.value());
            for (GuardValue name : names) {
                if (name.kind() != GuardValue.Kind.STRING) {
                    throw new EvaluationException(step.source(), "%" + variable + " used as a key holds " + name
                            + ", not a string");
                }
                GuardValue child = map.entries().get(name.text());
                out.add(child != null ? Result.resolved(child)
                        : new Result(null, map, Trail.of(name.text()), "could not find key " + name.text()));
            }
        }
    }

    /** A filter over the items of a list or the values of a map; {@code scalarItself}: a scalar is its own item. */
    private List<Result> filter(List<Result> inputs, Step step, Scope scope, boolean scalarItself) {
        List<Result> out = new ArrayList<>();
        for (Result input : inputs) {
            if (!input.isResolved()) {
                out.add(input.further("[...]"));
                continue;
            }
            GuardValue value = input.value();
            if (step instanceof FilterStep filter) {
                Collection<GuardValue> candidates;
                if (value.isMap()) {
                    candidates = value.entries().values();
                } else if (value.isList()) {
                    candidates = value.items();
                } else if (scalarItself) {
                    candidates = List.of(value);
                } else {
                    out.add(new Result(null, value, Trail.of("[filter]"), "not a list or struct"));
                    continue;
                }
                for (GuardValue candidate : candidates) {
                    Scope filterScope = new Scope(scope, candidate, List.of());
                    if (conjunction(filter.clauses(), filterScope, null) == GuardStatus.PASS) {
                        out.add(Result.resolved(candidate));
                    }
                }
            } else {
                KeysFilterStep keys = (KeysFilterStep) step;
                if (!value.isMap()) {
                    out.add(new Result(null, value, Trail.of("[keys]"), "not a struct"));
                    continue;
                }
                List<Result> right = keys.right() == null ? null : expression(keys.right(), scope);
                boolean rightIsQuery = keys.right() != null && !(keys.right() instanceof Literal);
                for (Map.Entry<String, GuardValue> entry : value.entries().entrySet()) {
                    GuardValue key = GuardValue.string(entry.getKey(), entry.getValue().path(), entry.getValue().line(),
                            entry.getValue().column());
                    if (check(Result.resolved(key), keys.operator(), keys.negated(), right, rightIsQuery) == null) {
                        out.add(Result.resolved(entry.getValue()));
                    }
                }
            }
        }
        return out;
    }

    private static String stepText(Step step) {
        if (step instanceof KeyStep key) {
            return "." + key.key();
        } else if (step instanceof AllValuesStep) {
            return ".*";
        } else if (step instanceof AllItemsStep) {
            return "[*]";
        } else if (step instanceof IndexStep index) {
            return "[" + index.index() + "]";
        } else if (step instanceof VariableKeyStep key) {
            return ".%" + key.variable();
        }
        return "[...]";
    }

    /** A function's values, each found value of its argument mapped (see {@link GuardFunctions}). */
    private List<Result> function(FunctionCall call, Scope scope) {
        List<List<Result>> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(expression(argument, scope));
        }
        List<Result> out = new ArrayList<>();
        for (GuardValue value : GuardFunctions.apply(call.name(), arguments, call.source())) {
            out.add(Result.resolved(value));
        }
        return out;
    }

    // ---- failures ----

    private GuardFailure failure(GuardValue value, String message, String detail) {
        String path = value == null ? null : value.path();
        return new GuardFailure(currentRule, resourceOf(path), path, value == null ? 0 : value.line(),
                value == null ? 0 : value.column(), message, detail);
    }

    private GuardFailure missing(Result result, String message, Source source) {
        GuardValue at = result.traversedTo();
        String path = at.path() + "/" + result.remaining().replace('.', '/').replaceAll("^/+", "");
        return new GuardFailure(currentRule, resourceOf(at.path()), path, at.line(), at.column(), message,
                source.text() + ": " + result.remaining() + " is missing at " + (at.path().isEmpty() ? "/" : at.path())
                        + " (" + result.reason() + ")");
    }

    /** The logical ID in a path such as /Resources/MyBucket/Properties/..., else null. */
    static String resourceOf(String path) {
        if (path == null || !path.startsWith("/Resources/")) {
            return null;
        }
        String rest = path.substring("/Resources/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
