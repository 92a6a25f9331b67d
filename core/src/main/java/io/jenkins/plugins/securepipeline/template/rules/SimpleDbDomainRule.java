package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** SimpleDB domain declared. */
public final class SimpleDbDomainRule extends TemplateRule {
    public SimpleDbDomainRule() {
        super("ASP-SDB-001", Severity.MEDIUM, "SimpleDB domain declared",
                "Use DynamoDB: SimpleDB has no encryption at rest, key policies or VPC endpoints.",
                types("AWS::SDB::Domain"),
                refs("F77"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        out.report(null, "SimpleDB domains cannot be protected like current data stores");
    }
}
