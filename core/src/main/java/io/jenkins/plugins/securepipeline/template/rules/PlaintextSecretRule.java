package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * A password or token written into the template, or taken from a parameter's Default, ends up in the template
 * text, the stack's parameters and every copy of them. Dynamic references ({{resolve:...}}) and parameters
 * without Default (supplied at deploy time, NoEcho) are fine.
 */
public abstract class PlaintextSecretRule extends TemplateRule {
    private final String property;

    protected PlaintextSecretRule(String id, Severity severity, String title, List<String> types,
            References references, String property) {
        super(id, severity, title, "Use a dynamic reference ({{resolve:secretsmanager:...}}), ManageMasterUserPassword, "
                + "or a NoEcho parameter without Default.", types, references);
        this.property = property;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode value = resource.property(property);
        if (value == null || !value.isScalar() || value.text().startsWith("{{resolve:")) {
            return;
        }
        if (value.parameter() == null) {
            out.report(value, property + " is written in the template in plain text");
        } else if (value.fromDefault()) {
            out.report(value, property + " comes from the Default of parameter " + value.parameter()
                    + ", so the secret is stored in the template");
        }
    }
}
