package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole template as rules may consult it: for checks that span resources (a VPC and its flow log). */
public final class TemplateContext {
    private final TemplateNode root;
    /** Resources by type, built once: rules ask per resource, and a scan over all resources each time is quadratic. */
    private final Map<String, List<Resource>> byType = new HashMap<>();

    public TemplateContext(TemplateNode root, List<Resource> resources) {
        this.root = root;
        for (Resource resource : resources) {
            byType.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
        }
    }

    public TemplateNode root() {
        return root;
    }

    public List<Resource> resourcesOfType(String type) {
        return Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
    }

    /** The declaration of a template parameter, or null. */
    public TemplateNode parameter(String name) {
        TemplateNode parameters = root.get("Parameters");
        return parameters == null ? null : parameters.get(name);
    }
}
