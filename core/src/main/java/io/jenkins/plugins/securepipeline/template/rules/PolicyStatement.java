package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.TemplateNode;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of an IAM-style policy document (identity, resource, trust or key policy), read from evaluated
 * properties. Unknown parts stay unknown: an unknown action list is never reported as "*".
 */
public record PolicyStatement(TemplateNode node, boolean allow, TemplateNode action, TemplateNode notAction,
        TemplateNode resource, TemplateNode notResource, TemplateNode principal, TemplateNode notPrincipal,
        TemplateNode condition) {

    /**
     * The statements of a policy document. A document given as a JSON string (CloudFormation accepts that for IAM
     * policies, often in a YAML block scalar) is parsed; an unknown document has no statements we can read.
     */
    public static List<PolicyStatement> of(TemplateNode document) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (document != null && document.isScalar()) {
            document = TemplateReader.embeddedJson(document);
        }
        if (document == null || !document.isMap() || document.get("Statement") == null) {
            return statements;
        }
        for (TemplateNode statement : document.get("Statement").asList()) {
            if (statement.isMap()) {
                statements.add(read(statement));
            }
        }
        return statements;
    }

    /**
     * True when a document that is present cannot be read at template time (a parameter, an attribute, a string that
     * is not JSON, statements built by a function): a rule that needs a statement to be there must then not report
     * its absence. An absent document (null) is readable: it has no statements.
     */
    public static boolean unreadable(TemplateNode document) {
        if (document == null) {
            return false;
        }
        if (document.isScalar()) {
            document = TemplateReader.embeddedJson(document);
        }
        if (document == null || document.isUnknown()) {
            return true;
        }
        TemplateNode statements = document.get("Statement");
        return statements != null && statements.asList().stream().anyMatch(TemplateNode::isUnknown);
    }

    /** One statement given on its own (an event bus policy's Statement property); null if it is not a map. */
    public static PolicyStatement ofStatement(TemplateNode statement) {
        return statement != null && statement.isMap() ? read(statement) : null;
    }

    private static PolicyStatement read(TemplateNode statement) {
        TemplateNode effect = statement.get("Effect");
        boolean allow = effect != null && effect.isScalar() && effect.text().equals("Allow");
        return new PolicyStatement(statement, allow, statement.get("Action"), statement.get("NotAction"),
                statement.get("Resource"), statement.get("NotResource"), statement.get("Principal"),
                statement.get("NotPrincipal"), statement.get("Condition"));
    }

    /** Known action names (unknown entries left out). */
    public List<String> actions() {
        return texts(action);
    }

    public List<String> resources() {
        return texts(resource);
    }

    public boolean anyAction(String value) {
        return actions().contains(value);
    }

    public boolean anyResourceIsStar() {
        return resources().contains("*");
    }

    /** Principal "*" or {"AWS": "*"} (in any list form): anyone at all, including other accounts. */
    public boolean principalIsEveryone() {
        if (principal == null) {
            return false;
        }
        if (principal.isScalar()) {
            return principal.text().equals("*");
        }
        TemplateNode aws = principal.get("AWS");
        return aws != null && texts(aws).contains("*");
    }

    /**
     * A statement that refuses requests made without TLS: not an Allow, with {@code Bool aws:SecureTransport false}
     * in its Condition (condition keys compared without case, as IAM does). An Effect that is unknown counts, so an
     * unreadable effect is never reported as a missing denial.
     */
    public boolean deniesInsecureTransport() {
        return !allow && conditionIs("Bool", "aws:SecureTransport", "false");
    }

    /**
     * True when the Condition holds {@code operator} with {@code key} (without case) set to {@code value} (a scalar
     * or a list containing it).
     */
    public boolean conditionIs(String operator, String key, String value) {
        TemplateNode values = conditionValue(operator, key);
        return values != null && values.asList().stream().anyMatch(v -> v.isScalar() && v.text().equalsIgnoreCase(value));
    }

    /** The value of {@code key} (compared without case) under the Condition's {@code operator}, or null. */
    public TemplateNode conditionValue(String operator, String key) {
        TemplateNode block = condition == null ? null : condition.get(operator);
        if (block == null || block.isUnknown()) {
            return block;
        }
        for (java.util.Map.Entry<String, TemplateNode> entry : block.entries().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * True when the statement's Action may cover every one of the given actions: each is covered by a known
     * pattern, or the Action holds a value unknown at template time (which could be "*"). A NotAction statement
     * covers every action that none of its known patterns names.
     */
    public boolean mayCoverActions(String... wanted) {
        if (action == null) {
            if (notAction == null || notAction.isUnknown()) {
                return notAction != null;
            }
            for (String one : wanted) {
                if (texts(notAction).stream().anyMatch(pattern -> ActionPattern.covers(pattern, one))) {
                    return false;
                }
            }
            return true;
        }
        if (action.isUnknown() || action.asList().stream().anyMatch(TemplateNode::isUnknown)) {
            return true;
        }
        for (String one : wanted) {
            if (actions().stream().noneMatch(pattern -> ActionPattern.covers(pattern, one))) {
                return false;
            }
        }
        return true;
    }

    /** Principal everyone, or a Principal unknown at template time (which could be everyone). */
    public boolean principalMayBeEveryone() {
        if (principal == null) {
            return false;
        }
        if (principal.isUnknown() || principalIsEveryone()) {
            return true;
        }
        TemplateNode aws = principal.get("AWS");
        return aws != null && aws.asList().stream().anyMatch(TemplateNode::isUnknown);
    }

    private static List<String> texts(TemplateNode node) {
        List<String> texts = new ArrayList<>();
        if (node != null) {
            for (TemplateNode item : node.asList()) {
                if (item.isScalar()) {
                    texts.add(item.text());
                }
            }
        }
        return texts;
    }
}
