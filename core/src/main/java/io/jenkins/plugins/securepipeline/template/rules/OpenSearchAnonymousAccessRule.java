package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An OpenSearch (or Elasticsearch) domain whose access policy allows every principal with no condition: anyone who
 * reaches the endpoint can send requests, unsigned, to the domain.
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-OS5, each to avoid a false finding: a statement narrowed by a
 * Condition (such as aws:SourceIp, AWS's documented IP-based policy) is not reported; a domain without an access
 * policy is not reported (then only IAM identities with permissions can sign requests to it); a domain with
 * fine-grained access control ({@code AdvancedSecurityOptions.Enabled}) and without anonymous authentication is not
 * reported, since that feature authenticates every request and AWS recommends an open domain policy with it; a
 * domain in a VPC ({@code VPCOptions}) is not reported either: only what its security groups admit reaches it, and an
 * open access policy behind security groups is a pattern AWS documents for VPC domains (reporting it at this severity
 * would block pipelines that follow it; ASP-OS-004 reports domains outside a VPC). cdk-nag reports any "*" in an
 * Allow statement's Principal and a missing policy. Unknown values are not reported.
 */
public final class OpenSearchAnonymousAccessRule extends TemplateRule {
    public OpenSearchAnonymousAccessRule() {
        super("ASP-OS-007", Severity.HIGH, "OpenSearch domain allows anonymous access",
                "Name the IAM principals in AccessPolicies, add a Condition such as aws:SourceIp, or enable fine-grained"
                        + " access control (AdvancedSecurityOptions).",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"), refs("AwsSolutions-OS5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.property("VPCOptions") != null) {
            return;
        }
        TemplateNode fineGrained = resource.property("AdvancedSecurityOptions", "Enabled");
        TemplateNode anonymous = resource.property("AdvancedSecurityOptions", "AnonymousAuthEnabled");
        if (resource.properties().reachesUnknown("AdvancedSecurityOptions", "Enabled")
                || fineGrained != null && !fineGrained.isFalse() && (anonymous == null || anonymous.isFalse())) {
            return;
        }
        for (PolicyStatement statement : PolicyStatement.of(resource.property("AccessPolicies"))) {
            TemplateNode condition = statement.condition();
            if (statement.allow() && statement.principalIsEveryone()
                    && (condition == null || condition.isMap() && condition.entries().isEmpty())) {
                out.report(statement.principal(), "The access policy lets anyone send requests to the domain, unsigned, with no condition");
            }
        }
    }
}
