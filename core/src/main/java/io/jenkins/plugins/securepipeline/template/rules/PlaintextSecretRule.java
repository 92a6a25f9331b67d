package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A password, token or key that must not be readable from the template or the stack: written as text, taken from
 * a parameter's Default, or from a parameter without {@code NoEcho: true} (its value is shown by the console and
 * DescribeStacks). Only dynamic references to {@code secretsmanager} and {@code ssm-secure} are secret; a plain
 * {@code {{resolve:ssm:...}}} parameter is readable by anyone who can read parameters.
 *
 * <p>Table-driven: each subclass names, per resource type, the property paths that hold a secret. A path segment
 * {@code []} means "every item of this list"; a path starting with {@code Metadata} is read from the resource's
 * Metadata (as written, since CloudFormation does not evaluate it) instead of its properties.
 */
public abstract class PlaintextSecretRule extends TemplateRule {
    static final String EVERY_ITEM = "[]";
    private final Map<String, List<List<String>>> secretPaths;

    protected PlaintextSecretRule(String id, Severity severity, String title, List<String> types,
            References references, String property) {
        this(id, severity, title, references, table(types, property));
    }

    /** {@code secretPaths}: resource type to the dotted paths of its secret properties ("Users.[].Password"). */
    protected PlaintextSecretRule(String id, Severity severity, String title, References references,
            Map<String, List<String>> secretPaths) {
        super(id, severity, title, "Use a dynamic reference ({{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}}),"
                + " ManageMasterUserPassword where offered, or a parameter with NoEcho: true and no Default.",
                typesOf(secretPaths), references);
        this.secretPaths = split(secretPaths);
    }

    private static Map<String, List<String>> table(List<String> types, String property) {
        Map<String, List<String>> table = new java.util.LinkedHashMap<>();
        types.forEach(type -> table.put(type, List.of(property)));
        return table;
    }

    private static List<String> typesOf(Map<String, List<String>> secretPaths) {
        return secretPaths.containsKey("*") ? List.of("*") : List.copyOf(secretPaths.keySet());
    }

    private static Map<String, List<List<String>>> split(Map<String, List<String>> secretPaths) {
        Map<String, List<List<String>>> split = new java.util.LinkedHashMap<>();
        secretPaths.forEach((type, paths) -> split.put(type, paths.stream().map(p -> List.of(p.split("\\."))).toList()));
        return split;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        List<List<String>> paths = new ArrayList<>(secretPaths.getOrDefault(resource.type(), List.of()));
        paths.addAll(secretPaths.getOrDefault("*", List.of()));
        for (List<String> path : paths) {
            boolean metadata = path.get(0).equals("Metadata");
            TemplateNode start = metadata ? resource.metadata() : resource.properties();
            List<String> rest = metadata ? path.subList(1, path.size()) : path;
            for (TemplateNode value : values(start, rest, 0)) {
                String name = String.join(".", path).replace(".[]", "[]");
                check(metadata ? asWritten(value) : value, name, template, out);
            }
        }
    }

    /** Every node the path leads to ({@code []} fans out over list items, {@code *} over map values). */
    private static List<TemplateNode> values(TemplateNode node, List<String> path, int index) {
        if (node == null) {
            return List.of();
        }
        if (index == path.size()) {
            return List.of(node);
        }
        String segment = path.get(index);
        List<TemplateNode> found = new ArrayList<>();
        if (segment.equals(EVERY_ITEM)) {
            if (node.isList()) {
                node.items().forEach(item -> found.addAll(values(item, path, index + 1)));
            }
        } else if (segment.equals("*")) {
            if (node.isMap()) {
                node.entries().values().forEach(child -> found.addAll(values(child, path, index + 1)));
            }
        } else {
            found.addAll(values(node.get(segment), path, index + 1));
        }
        return found;
    }

    /** Metadata is not evaluated: a {@code Ref} there is looked at as the parameter it names. */
    private static TemplateNode asWritten(TemplateNode value) {
        if ("Ref".equals(value.singleKey()) && value.get("Ref").isScalar()) {
            return TemplateNode.unknown("Ref " + value.get("Ref").text(), value.line(), value.column());
        }
        return value;
    }

    private void check(TemplateNode value, String name, TemplateContext template, RuleFindings out) {
        if (value.isUnknown()) {
            // Only a Ref to a parameter can be judged: attributes, imports and macros are not text in the template.
            String why = value.text();
            if (why.startsWith("Ref ") && template.parameter(why.substring(4)) != null) {
                String parameter = why.substring(4);
                if (!noEcho(template.parameter(parameter))) {
                    out.report(value, name + " comes from parameter " + parameter + ", which has no NoEcho: true,"
                            + " so its value is shown in the console and by DescribeStacks");
                }
            }
            return;
        }
        if (!value.isScalar()) {
            return; // a list or map where a string belongs: CloudFormation refuses it, nothing to reveal
        }
        if (value.parameter() != null) {
            if (value.fromDefault()) {
                out.report(value, name + " comes from the Default of parameter " + value.parameter()
                        + ", so the secret is stored in the template");
            } else if (!noEcho(template.parameter(value.parameter()))) {
                out.report(value, name + " comes from parameter " + value.parameter() + ", which has no NoEcho: true,"
                        + " so its value is shown in the console and by DescribeStacks");
            }
            return;
        }
        if (secretReference(value.text())) {
            return;
        }
        out.report(value, value.text().trim().startsWith("{{resolve:")
                ? name + " is a dynamic reference that is not secret (only secretsmanager and ssm-secure are)"
                : name + " is written in the template in plain text");
    }

    /** {{resolve:secretsmanager:...}} and {{resolve:ssm-secure:...}}, the two dynamic references that stay secret. */
    static boolean secretReference(String text) {
        String trimmed = text.trim();
        return (trimmed.startsWith("{{resolve:secretsmanager:") || trimmed.startsWith("{{resolve:ssm-secure:"))
                && trimmed.endsWith("}}");
    }

    private static boolean noEcho(TemplateNode parameter) {
        return parameter != null && parameter.get("NoEcho") != null && parameter.get("NoEcho").isTrue();
    }
}
