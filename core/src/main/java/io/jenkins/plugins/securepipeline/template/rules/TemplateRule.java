package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * One security check. Subclasses state what they are in the constructor and implement {@link #check}; they see
 * evaluated properties, in which {@link TemplateNode#isUnknown() unknown} values must not be read as literals: a
 * rule reports only what it can show is wrong for some combination of conditions.
 */
public abstract class TemplateRule {
    private final RuleInfo info;

    protected TemplateRule(String id, Severity severity, String title, String remediation, List<String> types,
            References references) {
        this.info = new RuleInfo(id, severity, title, types, remediation, references);
    }

    public final RuleInfo info() {
        return info;
    }

    public final boolean appliesTo(String resourceType) {
        return info.resourceTypes().contains(resourceType) || info.resourceTypes().contains("*");
    }

    /** Reports problems of one resource through {@code out}; {@code template} gives the other resources. */
    public abstract void check(Resource resource, TemplateContext template, RuleFindings out);

    protected static List<String> types(String... types) {
        return List.of(types);
    }

    protected static References refs(String... ids) {
        return References.of(ids);
    }
}
