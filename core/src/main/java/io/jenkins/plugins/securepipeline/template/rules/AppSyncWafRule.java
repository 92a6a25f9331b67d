package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** AppSync API not protected by WAF. */
public final class AppSyncWafRule extends TemplateRule {
    public AppSyncWafRule() {
        super("ASP-APPS-003", Severity.LOW, "AppSync API not protected by WAF",
                "Associate an AWS::WAFv2::WebACL with the API through an AWS::WAFv2::WebACLAssociation.",
                types("AWS::AppSync::GraphQLApi"),
                refs("CKV2_AWS_33"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (!ResourceLinks.targets(template, "AWS::WAFv2::WebACLAssociation", "ResourceArn").includes(resource, null)) {
            out.report(null, "No WAF web ACL is associated with this API");
        }
    }
}
