package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A Lambda permission for principal "*" lets anyone invoke the function unless a source is pinned. */
public final class LambdaPermissionPrincipalRule extends TemplateRule {
    public LambdaPermissionPrincipalRule() {
        super("ASP-LMB-001", Severity.HIGH, "Lambda function can be invoked by anyone",
                "Set Principal to the service or account that invokes the function, with SourceArn or SourceAccount.",
                types("AWS::Lambda::Permission"), refs("F13"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode principal = resource.property("Principal");
        if (principal != null && "*".equals(principal.asText()) && resource.property("SourceArn") == null
                && resource.property("SourceAccount") == null && resource.property("PrincipalOrgID") == null) {
            out.report(principal, "The permission lets any principal invoke the function");
        }
    }
}
