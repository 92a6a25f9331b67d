package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * The common shape "this property must be true / present / not true". Unknown values (a Ref to a parameter
 * without default, a GetAtt) pass: the rule only reports what it can show is wrong.
 */
public abstract class PropertyRule extends TemplateRule {
    /** What the property must look like. */
    protected enum Expect {
        /** Must be present and true. */
        TRUE,
        /** Must be present (any value). */
        PRESENT,
        /** Must not be true; absent is fine. */
        NOT_TRUE,
        /** Must not be false; absent is fine (the AWS default is the safe one). */
        NOT_FALSE
    }

    private final Expect expect;
    private final String message;
    private final String[] path;

    protected PropertyRule(String id, Severity severity, String title, String remediation, List<String> types,
            References references, Expect expect, String message, String... path) {
        super(id, severity, title, remediation, types, references);
        this.expect = expect;
        this.message = message;
        this.path = path;
    }

    /** Lets a subclass skip resources the check does not concern (for example Aurora cluster members). */
    protected boolean concerns(Resource resource) {
        return true;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (!concerns(resource) || resource.properties().reachesUnknown(path)) {
            return;
        }
        TemplateNode value = resource.property(path);
        boolean bad;
        switch (expect) {
            case TRUE:
                bad = value == null || value.isFalse();
                break;
            case PRESENT:
                bad = value == null;
                break;
            case NOT_TRUE:
                bad = value != null && value.isTrue();
                break;
            default:
                bad = value != null && value.isFalse();
                break;
        }
        if (bad) {
            out.report(value, message + (value == null ? " (" + String.join(".", path) + " is not set)" : ""));
        }
    }
}
