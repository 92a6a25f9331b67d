package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole template as rules may consult it: for checks that span resources (a VPC and its flow log). Lookups by
 * type and logical ID are indexed, and {@link #derived} keeps per-template indexes a rule builds once, so checks
 * that look at other resources stay linear on templates with tens of thousands of resources. One template is
 * checked by one thread.
 */
public final class TemplateContext {
    private final TemplateNode root;
    private final Map<String, List<Resource>> byType = new HashMap<>();
    private final Map<String, Resource> byLogicalId = new HashMap<>();
    private final Map<String, Object> derived = new HashMap<>();

    public TemplateContext(TemplateNode root, List<Resource> resources) {
        this.root = root;
        Map<String, List<Resource>> grouped = new LinkedHashMap<>();
        for (Resource resource : resources) {
            grouped.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
            byLogicalId.putIfAbsent(resource.logicalId(), resource);
        }
        grouped.forEach((type, list) -> byType.put(type, List.copyOf(list)));
    }

    public TemplateNode root() {
        return root;
    }

    /** The resources of one type, in template order. */
    public List<Resource> resourcesOfType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The resource with this logical ID, or null. */
    public Resource resource(String logicalId) {
        return byLogicalId.get(logicalId);
    }

    /** The declaration of a template parameter, or null. */
    public TemplateNode parameter(String name) {
        TemplateNode parameters = root.get("Parameters");
        return parameters == null ? null : parameters.get(name);
    }

    /**
     * A value computed once per template (typically an index over other resources) under a key that names what it
     * is; later calls with the same key return the same value. {@code compute} must not call this method itself.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<TemplateContext, T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            derived.put(key, value);
        }
        return (T) value;
    }
}
