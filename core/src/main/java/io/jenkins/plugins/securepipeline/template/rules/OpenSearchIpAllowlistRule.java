package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A public OpenSearch (or Elasticsearch) domain whose access is not limited to allowlisted IP addresses: it has no
 * access policy, or an Allow statement without an {@code IpAddress} condition on {@code aws:SourceIp}, as in cdk-nag's
 * AwsSolutions-OS3.
 *
 * <p>Deliberate differences from cdk-nag: a domain in a VPC ({@code VPCOptions} set) is not reported, since AWS does
 * not support IP-based policies for VPC domains (security groups do that job there); the condition key is compared
 * without case, as IAM does (cdk-nag accepts only the spelling {@code aws:sourceIp}). An access policy, statement list,
 * Condition or VPCOptions unknown at template time is not reported.
 */
public final class OpenSearchIpAllowlistRule extends TemplateRule {
    public OpenSearchIpAllowlistRule() {
        super("ASP-OS-008", Severity.MEDIUM, "Public OpenSearch domain not restricted to allowlisted IP addresses",
                "Add Condition IpAddress aws:SourceIp with the allowed address ranges to every Allow statement of"
                        + " AccessPolicies, or place the domain in a VPC (VPCOptions).",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"), refs("AwsSolutions-OS3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode document = resource.property("AccessPolicies");
        if (resource.property("VPCOptions") != null || resource.properties().reachesUnknown("VPCOptions")
                || PolicyStatement.unreadable(document)) {
            return;
        }
        boolean anyAllow = false;
        for (PolicyStatement statement : PolicyStatement.of(document)) {
            if (!statement.allow()) {
                continue;
            }
            anyAllow = true;
            TemplateNode condition = statement.condition();
            TemplateNode allowlist = statement.conditionValue("IpAddress", "aws:SourceIp");
            if (condition != null && !condition.isMap()
                    || allowlist != null && (allowlist.isUnknown() || !allowlist.asList().isEmpty())) {
                continue;
            }
            out.report(statement.node(), "An Allow statement of the public domain's access policy has no aws:SourceIp allowlist");
        }
        if (!anyAllow) {
            out.report(document, document == null
                    ? "The public domain has no access policy, so IAM identities may reach it from any address"
                    : "The public domain's access policy has no Allow statement limited to allowlisted addresses");
        }
    }
}
