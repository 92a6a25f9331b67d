package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** ElastiCache replication group without authenticated TLS connections. */
public final class ElastiCacheAuthenticationRule extends TemplateRule {
    public ElastiCacheAuthenticationRule() {
        super("ASP-ELC-004", Severity.MEDIUM, "ElastiCache replication group without authenticated TLS connections",
                "Set TransitEncryptionEnabled: true and either AuthToken (from a dynamic reference) or UserGroupIds.",
                types("AWS::ElastiCache::ReplicationGroup"),
                refs("CKV_AWS_31"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode transit = resource.property("TransitEncryptionEnabled");
        if (resource.properties().reachesUnknown("TransitEncryptionEnabled") || transit != null && !transit.isScalar()) {
            return;
        }
        if (transit == null || !transit.isTrue()) {
            out.report(transit, "Clients connect without TLS, so no AUTH token or user group can protect the connection");
        } else if (resource.property("AuthToken") == null && resource.property("UserGroupIds") == null) {
            out.report(transit, "Clients connect without authenticating (neither AuthToken nor UserGroupIds is set)");
        }
    }
}
