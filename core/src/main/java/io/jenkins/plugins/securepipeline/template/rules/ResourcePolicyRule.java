package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * Resource policies (bucket, queue, topic, key, repository): an Allow statement open to every principal without a
 * Condition, or granting every action. A Condition (source ARN, organisation ID, VPC endpoint) narrows who "*"
 * really is, so such statements are not reported as public.
 */
public abstract class ResourcePolicyRule extends TemplateRule {
    /** Which half of the statement the rule looks at. */
    protected enum Check { PRINCIPAL_EVERYONE, ACTION_STAR }

    private final Check what;
    private final String documentProperty;
    private final String message;

    protected ResourcePolicyRule(String id, Severity severity, String title, String remediation, List<String> types,
            References references, Check what, String documentProperty, String message) {
        super(id, severity, title, remediation, types, references);
        this.what = what;
        this.documentProperty = documentProperty;
        this.message = message;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : PolicyStatement.of(resource.property(documentProperty))) {
            if (!statement.allow()) {
                continue;
            }
            if (what == Check.PRINCIPAL_EVERYONE && statement.principalIsEveryone() && statement.condition() == null) {
                out.report(statement.principal(), message);
            } else if (what == Check.ACTION_STAR && statement.actions().stream().anyMatch(ActionPattern::isWildcard)) {
                out.report(statement.action(), message);
            }
        }
    }
}
