package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which resource a property points at (Ref or GetAtt), and which resources are pointed at by others. */
final class ResourceLinks {
    private ResourceLinks() {}

    /** The logical ID a value refers to through Ref or GetAtt (as the evaluator describes them), or null. */
    static String target(TemplateNode value) {
        if (value == null || !value.isUnknown()) {
            return null;
        }
        String why = value.text();
        if (why.startsWith("Ref ")) {
            return why.substring(4);
        }
        if (why.startsWith("GetAtt ")) {
            int dot = why.indexOf('.', 7);
            return dot < 0 ? null : why.substring(7, dot);
        }
        return null;
    }

    /** The resource in the template that the value refers to, or null. */
    static Resource resolve(TemplateNode value, TemplateContext template) {
        String id = target(value);
        return id == null ? null : template.resource(id);
    }

    /**
     * What resources of {@code type} point at through {@code property} (a single value or a list): the logical IDs
     * they refer to, the literal texts they name, and whether one of them is an unknown value that could be anything.
     */
    record Targets(Set<String> logicalIds, Set<String> literals, boolean anyUnknown) {
        boolean includes(Resource resource, TemplateNode name) {
            return anyUnknown || logicalIds.contains(resource.logicalId())
                    || name != null && name.isScalar() && literals.contains(name.text());
        }
    }

    static Targets targets(TemplateContext template, String type, String property) {
        return template.derived("targets of " + type + "." + property, context -> {
            Set<String> ids = new HashSet<>();
            Set<String> literals = new HashSet<>();
            boolean anyUnknown = false;
            for (Resource pointing : context.resourcesOfType(type)) {
                TemplateNode value = pointing.property(property);
                if (value == null) {
                    continue;
                }
                for (TemplateNode item : value.asList()) {
                    String id = target(item);
                    if (id != null) {
                        ids.add(id);
                    } else if (item.isScalar()) {
                        literals.add(item.text());
                    } else {
                        anyUnknown = true;
                    }
                }
            }
            return new Targets(Set.copyOf(ids), Set.copyOf(literals), anyUnknown);
        });
    }

    /**
     * The resources of {@code type} whose {@code property} (a value or a list) refers to {@code target}; a resource
     * whose property holds a value that could be anything is included too, since it may point at the target.
     */
    static List<Resource> pointingAt(TemplateContext template, String type, String property, Resource target) {
        Map<String, List<Resource>> index = template.derived("resources of " + type + " by " + property, context -> {
            Map<String, List<Resource>> byTarget = new HashMap<>();
            for (Resource pointing : context.resourcesOfType(type)) {
                TemplateNode value = pointing.property(property);
                if (value == null) {
                    continue;
                }
                for (TemplateNode item : value.asList()) {
                    String id = target(item);
                    String key = id != null ? id : item.isScalar() ? "literal " + item.text() : "*";
                    byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(pointing);
                }
            }
            return byTarget;
        });
        List<Resource> found = new ArrayList<>(index.getOrDefault(target.logicalId(), List.of()));
        found.addAll(index.getOrDefault("*", List.of()));
        return found;
    }

    /**
     * The resources of {@code type} whose {@code property} (a value or a list of ARNs, URLs or names) may name
     * {@code target}, whose own name property is {@code name} (null when it has none, so AWS generates it): a Ref or
     * GetAtt of the target; a literal whose last part (after the last "/" or ":") is the target's name, or any
     * literal when that name is unknown; and a value that could be anything (a parameter without a default, an
     * import, a Sub of unknown parts). A Ref or GetAtt of another resource of the template never names the target.
     * Built once per template, so rules that consult it for every resource stay linear.
     */
    static List<Resource> mayPointAt(TemplateContext template, String type, String property, Resource target,
            TemplateNode name) {
        Map<String, List<Resource>> index = template.derived("resources of " + type + " naming by " + property, context -> {
            Map<String, List<Resource>> byKey = new HashMap<>();
            for (Resource pointing : context.resourcesOfType(type)) {
                TemplateNode value = pointing.property(property);
                if (value == null) {
                    continue;
                }
                for (TemplateNode item : value.asList()) {
                    String id = target(item);
                    List<String> keys = new ArrayList<>();
                    if (id != null && context.resource(id) != null) {
                        keys.add("id " + id);
                    } else if (item.isScalar()) {
                        keys.add("name " + lastPart(item.text()));
                        keys.add("any literal");
                    } else {
                        keys.add("anything");
                    }
                    for (String key : keys) {
                        List<Resource> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != pointing) {
                            list.add(pointing);
                        }
                    }
                }
            }
            return byKey;
        });
        List<Resource> found = new ArrayList<>(index.getOrDefault("id " + target.logicalId(), List.of()));
        if (name != null && name.isScalar()) {
            found.addAll(index.getOrDefault("name " + name.text().trim(), List.of()));
        } else if (name != null) {
            found.addAll(index.getOrDefault("any literal", List.of()));
        }
        found.addAll(index.getOrDefault("anything", List.of()));
        return found;
    }

    private static String lastPart(String text) {
        String trimmed = text.trim();
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
    }
}
