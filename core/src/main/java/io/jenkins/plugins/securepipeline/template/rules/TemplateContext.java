package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/** The whole template as rules may consult it: for checks that span resources (a VPC and its flow log). */
public final class TemplateContext {
    private final TemplateNode root;
    private final List<Resource> resources;

    public TemplateContext(TemplateNode root, List<Resource> resources) {
        this.root = root;
        this.resources = List.copyOf(resources);
    }

    public TemplateNode root() {
        return root;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The declaration of a template parameter, or null. */
    public TemplateNode parameter(String name) {
        TemplateNode parameters = root.get("Parameters");
        return parameters == null ? null : parameters.get(name);
    }
}
