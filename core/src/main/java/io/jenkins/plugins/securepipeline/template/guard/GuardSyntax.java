package io.jenkins.plugins.securepipeline.template.guard;

import java.util.List;

/** The parsed form of a Guard rule file: immutable records, one per construct of the language. */
final class GuardSyntax {
    private GuardSyntax() {}

    /** Where a construct is written, and its text (for messages). */
    record Source(int line, int column, String text) {}

    /** A whole rule file: its top-level variables, named rules, and the clauses outside any rule (the default rule). */
    record RuleFile(String name, List<Let> lets, List<Rule> rules, Block defaultBody) {}

    /** {@code rule name(%a, %b) when conditions { body }}; parameters are empty for a plain named rule. */
    record Rule(String name, List<String> parameters, List<Disjunction> conditions, Block body, Source source) {}

    /** A body: its variables and its clauses, all of which must hold (each clause may be a disjunction). */
    record Block(List<Let> lets, List<Disjunction> clauses) {}

    /** {@code let name = value}: a value is a literal, a query or a function call, evaluated when first used. */
    record Let(String name, Expression value, Source source) {}

    /** Clauses joined by {@code or}; a single clause is a disjunction of one. */
    record Disjunction(List<Clause> clauses) {}

    sealed interface Clause permits Comparison, BlockClause, WhenBlock, TypeBlock, RuleReference, RuleCall {
        Source source();
    }

    enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("IN"),
        EXISTS("EXISTS"), EMPTY("EMPTY"), IS_STRING("IS_STRING"), IS_LIST("IS_LIST"), IS_STRUCT("IS_STRUCT"),
        IS_INT("IS_INT"), IS_FLOAT("IS_FLOAT"), IS_BOOL("IS_BOOL"), IS_NULL("IS_NULL");

        final String spelling;

        Operator(String spelling) {
            this.spelling = spelling;
        }

        boolean unary() {
            return ordinal() >= EXISTS.ordinal();
        }
    }

    /** {@code [some] query [not] operator [right-hand side]}. */
    record Comparison(boolean some, Query left, Operator operator, boolean negated, Expression right, String message,
            Source source) implements Clause {}

    /**
     * {@code [some] query [!empty] { body }}: the body holds for each value the query selects; with {@code !empty}
     * a query selecting nothing fails instead of skipping.
     */
    record BlockClause(boolean some, Query query, boolean notEmpty, Block body, String message, Source source)
            implements Clause {}

    /** {@code when conditions { body }}. */
    record WhenBlock(List<Disjunction> conditions, Block body, Source source) implements Clause {}

    /** {@code AWS::S3::Bucket [when conditions] { body }}: the body holds for each resource of that type. */
    record TypeBlock(String type, List<Disjunction> conditions, Block body, Source source) implements Clause {}

    /** {@code [not] rule_name}: holds when that named rule passed (negated: when it did not). */
    record RuleReference(String name, boolean negated, String message, Source source) implements Clause {}

    /** {@code rule_name(arguments)}: a parameterised rule, evaluated here with the arguments bound. */
    record RuleCall(String name, List<Expression> arguments, String message, Source source) implements Clause {}

    sealed interface Expression permits Literal, Query, FunctionCall {}

    record Literal(GuardValue value) implements Expression {}

    /** {@code %var.Key[*][filter]...}: a start and the steps that follow it. */
    record Query(Start start, List<Step> steps, Source source) implements Expression {}

    sealed interface Start permits VariableStart, ThisStart, KeyStart, FunctionStart {}

    record VariableStart(String name) implements Start {}

    record ThisStart() implements Start {}

    record KeyStart(String key) implements Start {}

    record FunctionStart(FunctionCall call) implements Start {}

    sealed interface Step permits KeyStep, VariableKeyStep, AllValuesStep, AllItemsStep, IndexStep, FilterStep,
            KeysFilterStep {}

    record KeyStep(String key) implements Step {}

    /** {@code .%name}: the values of a map under each key the variable holds (a string or a list of strings). */
    record VariableKeyStep(String variable, Source source) implements Step {}

    /** {@code .*}: every value of a map or every item of a list. */
    record AllValuesStep() implements Step {}

    /** {@code [*]}: every item of a list; any other value stands for itself. */
    record AllItemsStep() implements Step {}

    record IndexStep(int index) implements Step {}

    /** {@code [clauses]}: the items of a list (or values of a map) for which the clauses pass. */
    record FilterStep(List<Disjunction> clauses) implements Step {}

    /** {@code [keys operator value]}: the values of a map whose key satisfies the comparison. */
    record KeysFilterStep(Operator operator, boolean negated, Expression right) implements Step {}

    /** A built-in function such as {@code count(query)}. */
    record FunctionCall(String name, List<Expression> arguments, Source source) implements Expression {}
}
