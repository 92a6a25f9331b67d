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
            if (!statement.isMap()) {
                continue;
            }
            TemplateNode effect = statement.get("Effect");
            boolean allow = effect != null && effect.isScalar() && effect.text().equals("Allow");
            statements.add(new PolicyStatement(statement, allow, statement.get("Action"), statement.get("NotAction"),
                    statement.get("Resource"), statement.get("NotResource"), statement.get("Principal"),
                    statement.get("NotPrincipal"), statement.get("Condition")));
        }
        return statements;
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
