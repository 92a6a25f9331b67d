package io.jenkins.plugins.securepipeline.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions as far as the template and the supplied parameters allow. What cannot be known
 * before deployment becomes an {@link TemplateNode.Kind#UNKNOWN} node, never a literal (treating {@code !Ref X}
 * as the text "X" is the peers' main source of false findings).
 *
 * <p>Conditions whose value depends on unknown inputs are not guessed: each resource is evaluated once per
 * combination of the undecided conditions its properties use (up to {@link #MAX_UNDECIDED} of them), so a rule
 * sees both sides of every {@code Fn::If}, with the same condition taking the same side within one combination.
 */
public final class TemplateEvaluator {
    /** 2^6 = 64 combinations at most per resource; beyond that the remaining conditions give unknown values. */
    static final int MAX_UNDECIDED = 6;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Map<String, String> SAM_GLOBALS = Map.of(
            "Function", "AWS::Serverless::Function", "Api", "AWS::Serverless::Api",
            "HttpApi", "AWS::Serverless::HttpApi", "SimpleTable", "AWS::Serverless::SimpleTable",
            "StateMachine", "AWS::Serverless::StateMachine", "LayerVersion", "AWS::Serverless::LayerVersion");

    /** Marks a value that {@code AWS::NoValue} removed. */
    private static final TemplateNode NO_VALUE = TemplateNode.unknown("AWS::NoValue", 0, 0);

    private final TemplateNode template;
    private final ParameterValues supplied;
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    public TemplateEvaluator(TemplateNode template, ParameterValues supplied) {
        this.template = template;
        this.supplied = supplied;
    }

    /** True when the document is a CloudFormation or SAM template (it has a Resources map). */
    public static boolean isTemplate(TemplateNode root) {
        return root.isMap() && root.get("Resources") != null && root.get("Resources").isMap();
    }

    /** Every resource, once per combination of undecided conditions (resources whose Condition is false are left out). */
    public List<Resource> resources() {
        List<Resource> result = new ArrayList<>();
        for (Map.Entry<String, TemplateNode> entry : template.get("Resources").entries().entrySet()) {
            TemplateNode raw = entry.getValue();
            if (!raw.isMap()) {
                continue;
            }
            TemplateNode condition = raw.get("Condition");
            if (condition != null && condition.isScalar() && Boolean.FALSE.equals(condition(condition.text()))) {
                continue;
            }
            String type = raw.get("Type") != null && raw.get("Type").isScalar() ? raw.get("Type").text() : "";
            TemplateNode properties = withGlobals(type, raw.get("Properties"));
            List<String> undecided = new ArrayList<>(undecidedConditions(properties));
            if (undecided.size() > MAX_UNDECIDED) {
                undecided = undecided.subList(0, MAX_UNDECIDED);
            }
            for (int combination = 0; combination < (1 << undecided.size()); combination++) {
                Map<String, Boolean> chosen = new HashMap<>();
                for (int i = 0; i < undecided.size(); i++) {
                    chosen.put(undecided.get(i), (combination & (1 << i)) != 0);
                }
                TemplateNode evaluated = properties == null ? null : resolve(properties, chosen);
                if (evaluated == null || evaluated == NO_VALUE) {
                    evaluated = TemplateNode.map(Map.of(), raw.line(), raw.column());
                } else if (!evaluated.isMap()) {
                    // Kept as it is (unknown): the scanner skips property rules rather than treat it as empty.
                    evaluated = TemplateNode.unknown("Properties", raw.line(), raw.column());
                }
                result.add(new Resource(entry.getKey(), type, evaluated, raw, raw.get("Metadata"), raw.line(),
                        raw.column()));
            }
        }
        return result;
    }

    /** SAM Globals: a resource's own properties win; nested maps are merged key by key. */
    private TemplateNode withGlobals(String type, TemplateNode properties) {
        TemplateNode globals = template.get("Globals");
        if (globals == null || !globals.isMap() || !type.startsWith("AWS::Serverless::")) {
            return properties;
        }
        for (Map.Entry<String, String> section : SAM_GLOBALS.entrySet()) {
            TemplateNode defaults = globals.get(section.getKey());
            if (section.getValue().equals(type) && defaults != null && defaults.isMap()) {
                if (properties == null || !properties.isMap()) {
                    return properties == null ? defaults : properties;
                }
                return mergeMaps(properties, defaults);
            }
        }
        return properties;
    }

    private static TemplateNode mergeMaps(TemplateNode own, TemplateNode defaults) {
        Map<String, TemplateNode> merged = new LinkedHashMap<>(own.entries());
        for (Map.Entry<String, TemplateNode> entry : defaults.entries().entrySet()) {
            TemplateNode mine = merged.get(entry.getKey());
            if (mine == null) {
                merged.put(entry.getKey(), entry.getValue());
            } else if (mine.isMap() && entry.getValue().isMap() && !isFunction(mine) && !isFunction(entry.getValue())) {
                merged.put(entry.getKey(), mergeMaps(mine, entry.getValue()));
            }
        }
        return TemplateNode.map(merged, own.line(), own.column());
    }

    private static boolean isFunction(TemplateNode node) {
        String key = node.singleKey();
        return key != null && (key.equals("Ref") || key.startsWith("Fn::"));
    }

    private Set<String> undecidedConditions(TemplateNode node) {
        Set<String> names = new LinkedHashSet<>();
        collectUndecided(node, names, 0);
        return names;
    }

    private void collectUndecided(TemplateNode node, Set<String> names, int depth) {
        if (node == null || depth > 250) {
            return;
        }
        if (node.isMap()) {
            TemplateNode ifArgs = node.get("Fn::If");
            if (node.singleKey() != null && ifArgs != null && ifArgs.isList() && !ifArgs.items().isEmpty()
                    && ifArgs.items().get(0).isScalar() && condition(ifArgs.items().get(0).text()) == null) {
                names.add(ifArgs.items().get(0).text());
            }
            for (TemplateNode child : node.entries().values()) {
                collectUndecided(child, names, depth + 1);
            }
        } else if (node.isList()) {
            for (TemplateNode child : node.items()) {
                collectUndecided(child, names, depth + 1);
            }
        }
    }

    /** A named condition: true, false, or null when it depends on values unknown before deployment. */
    public Boolean condition(String name) {
        if (decided.containsKey(name)) {
            return decided.get(name);
        }
        TemplateNode conditions = template.get("Conditions");
        TemplateNode definition = conditions == null ? null : conditions.get(name);
        if (definition == null || !evaluating.add(name)) {
            return null; // missing or circular: CloudFormation rejects both, we just do not decide
        }
        Boolean value = conditionValue(definition);
        evaluating.remove(name);
        decided.put(name, value);
        return value;
    }

    private Boolean conditionValue(TemplateNode node) {
        String function = node.singleKey();
        if (function == null) {
            return node.isTrue() ? Boolean.TRUE : node.isFalse() ? Boolean.FALSE : null;
        }
        TemplateNode args = node.get(function);
        switch (function) {
            case "Condition":
                return args.isScalar() ? condition(args.text()) : null;
            case "Fn::Not":
                Boolean inner = args.isList() && args.items().size() == 1 ? conditionValue(args.items().get(0)) : null;
                return inner == null ? null : !inner;
            case "Fn::And":
            case "Fn::Or": {
                boolean and = function.equals("Fn::And");
                boolean sawUnknown = false;
                for (TemplateNode part : args.asList()) {
                    Boolean value = conditionValue(part);
                    if (value == null) {
                        sawUnknown = true;
                    } else if (value != and) {
                        return !and; // a false in And, or a true in Or, decides whatever the unknown parts are
                    }
                }
                return sawUnknown ? null : and;
            }
            case "Fn::Equals": {
                if (!args.isList() || args.items().size() != 2) {
                    return null;
                }
                TemplateNode left = resolve(args.items().get(0), Map.of());
                TemplateNode right = resolve(args.items().get(1), Map.of());
                if (left != null && right != null && left.isScalar() && right.isScalar()) {
                    return left.text().equals(right.text());
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** Evaluates a value; returns {@link #NO_VALUE} where {@code AWS::NoValue} removes it. */
    TemplateNode resolve(TemplateNode node, Map<String, Boolean> chosen) {
        if (node.isList()) {
            List<TemplateNode> items = new ArrayList<>(node.items().size());
            boolean changed = false;
            for (TemplateNode item : node.items()) {
                TemplateNode value = resolve(item, chosen);
                changed |= value != item;
                if (value != NO_VALUE) {
                    items.add(value);
                }
            }
            // Literal parts are shared with the template rather than copied: a large template is held once.
            return changed ? TemplateNode.list(items, node.line(), node.column()) : node;
        }
        if (!node.isMap()) {
            return node;
        }
        String function = node.singleKey();
        if (function != null && (function.equals("Ref") || function.startsWith("Fn::"))) {
            return function(function, node.get(function), node, chosen);
        }
        Map<String, TemplateNode> entries = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, TemplateNode> entry : node.entries().entrySet()) {
            TemplateNode value = resolve(entry.getValue(), chosen);
            changed |= value != entry.getValue();
            if (value != NO_VALUE) {
                entries.put(entry.getKey(), value);
            }
        }
        return changed ? TemplateNode.map(entries, node.line(), node.column()) : node;
    }

    private TemplateNode function(String function, TemplateNode args, TemplateNode at, Map<String, Boolean> chosen) {
        switch (function) {
            case "Ref":
                return args.isScalar() ? ref(args.text(), at) : unknown("Ref", at);
            case "Fn::If": {
                if (!args.isList() || args.items().size() != 3 || !args.items().get(0).isScalar()) {
                    return unknown("Fn::If", at);
                }
                String name = args.items().get(0).text();
                Boolean value = condition(name);
                if (value == null) {
                    value = chosen.get(name);
                }
                if (value == null) {
                    return unknown("Fn::If " + name, at);
                }
                return resolve(args.items().get(value ? 1 : 2), chosen);
            }
            case "Fn::Sub":
                return sub(args, at, chosen);
            case "Fn::Join":
                return join(args, at, chosen);
            case "Fn::Select": {
                if (!args.isList() || args.items().size() != 2) {
                    return unknown("Fn::Select", at);
                }
                TemplateNode index = resolve(args.items().get(0), chosen);
                TemplateNode list = resolve(args.items().get(1), chosen);
                if (index.isScalar() && list.isList() && index.text().matches("\\d{1,6}")
                        && Integer.parseInt(index.text()) < list.items().size()) {
                    return list.items().get(Integer.parseInt(index.text()));
                }
                return unknown("Fn::Select", at);
            }
            case "Fn::Split": {
                if (!args.isList() || args.items().size() != 2) {
                    return unknown("Fn::Split", at);
                }
                TemplateNode delimiter = resolve(args.items().get(0), chosen);
                TemplateNode text = resolve(args.items().get(1), chosen);
                if (!delimiter.isScalar() || !text.isScalar() || delimiter.text().isEmpty()) {
                    return unknown("Fn::Split", at);
                }
                List<TemplateNode> parts = new ArrayList<>();
                for (String part : text.text().split(Pattern.quote(delimiter.text()), -1)) {
                    parts.add(TemplateNode.scalar(part, false, at.line(), at.column()));
                }
                return TemplateNode.list(parts, at.line(), at.column());
            }
            case "Fn::FindInMap":
                return findInMap(args, at, chosen);
            case "Fn::Base64":
                // Rules care about what the text says, not its encoding, so the value is kept as written.
                return resolve(args, chosen);
            case "Fn::GetAtt": {
                List<String> parts = new ArrayList<>();
                for (TemplateNode part : args.asList()) {
                    TemplateNode value = resolve(part, chosen);
                    parts.add(value.isScalar() ? value.text() : "?");
                }
                return unknown("GetAtt " + String.join(".", parts), at);
            }
            default:
                return unknown(function, at);
        }
    }

    private TemplateNode ref(String name, TemplateNode at) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        TemplateNode parameters = template.get("Parameters");
        TemplateNode declared = parameters == null ? null : parameters.get(name);
        String value = supplied.get(name);
        boolean isDefault = false;
        if (value == null && declared != null && declared.get("Default") != null && declared.get("Default").isScalar()) {
            value = declared.get("Default").text();
            isDefault = true;
        }
        if (value == null) {
            return unknown("Ref " + name, at);
        }
        String type = declared != null && declared.get("Type") != null && declared.get("Type").isScalar()
                ? declared.get("Type").text() : "String";
        TemplateNode result;
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            List<TemplateNode> items = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                items.add(TemplateNode.scalar(part.trim(), false, at.line(), at.column()));
            }
            result = TemplateNode.list(items, at.line(), at.column());
        } else {
            result = TemplateNode.scalar(value, false, at.line(), at.column());
        }
        return result.fromParameter(name, isDefault);
    }

    private TemplateNode sub(TemplateNode args, TemplateNode at, Map<String, Boolean> chosen) {
        TemplateNode text = args.isList() && !args.items().isEmpty() ? args.items().get(0) : args;
        TemplateNode variables = args.isList() && args.items().size() > 1 ? args.items().get(1) : null;
        if (!text.isScalar()) {
            return unknown("Fn::Sub", at);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text.text());
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text.text(), last, matcher.start());
            last = matcher.end();
            String name = matcher.group(1).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}'); // ${!Literal} is written out as ${Literal}
                continue;
            }
            TemplateNode value;
            if (variables != null && variables.get(name) != null) {
                value = resolve(variables.get(name), chosen);
            } else if (name.contains(".")) {
                value = unknown("GetAtt " + name, at);
            } else {
                value = ref(name, at);
            }
            if (!value.isScalar()) {
                return unknown("Fn::Sub", at);
            }
            out.append(value.text());
        }
        out.append(text.text().substring(last));
        return TemplateNode.scalar(out.toString(), false, at.line(), at.column());
    }

    private TemplateNode join(TemplateNode args, TemplateNode at, Map<String, Boolean> chosen) {
        if (!args.isList() || args.items().size() != 2) {
            return unknown("Fn::Join", at);
        }
        TemplateNode delimiter = resolve(args.items().get(0), chosen);
        TemplateNode parts = resolve(args.items().get(1), chosen);
        if (!delimiter.isScalar() || !parts.isList()) {
            return unknown("Fn::Join", at);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.items().size(); i++) {
            TemplateNode part = parts.items().get(i);
            if (!part.isScalar()) {
                return unknown("Fn::Join", at);
            }
            out.append(i == 0 ? "" : delimiter.text()).append(part.text());
        }
        return TemplateNode.scalar(out.toString(), false, at.line(), at.column());
    }

    private TemplateNode findInMap(TemplateNode args, TemplateNode at, Map<String, Boolean> chosen) {
        if (!args.isList() || args.items().size() < 3) {
            return unknown("Fn::FindInMap", at);
        }
        TemplateNode current = template.get("Mappings");
        for (int i = 0; i < 3 && current != null; i++) {
            TemplateNode key = resolve(args.items().get(i), chosen);
            current = key.isScalar() ? current.get(key.text()) : null;
        }
        return current == null ? unknown("Fn::FindInMap", at) : resolve(current, chosen);
    }

    private static TemplateNode unknown(String why, TemplateNode at) {
        return TemplateNode.unknown(why, at.line(), at.column());
    }
}
