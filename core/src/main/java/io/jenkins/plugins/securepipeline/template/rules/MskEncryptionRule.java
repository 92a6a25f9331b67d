package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** MSK cluster allows plaintext traffic. */
public final class MskEncryptionRule extends TemplateRule {
    public MskEncryptionRule() {
        super("ASP-MSK-003", Severity.MEDIUM, "MSK cluster allows plaintext traffic",
                "Add EncryptionInfo with EncryptionInTransit ClientBroker: TLS and InCluster: true.",
                types("AWS::MSK::Cluster"),
                refs("CKV_AWS_81", "AwsSolutions-MSK2", "AwsSolutions-MSK3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().reachesUnknown("EncryptionInfo")) {
            return;
        }
        TemplateNode info = resource.property("EncryptionInfo");
        if (info == null) {
            out.report(null, "EncryptionInfo is not set, so the encryption in transit is not stated");
            return;
        }
        TemplateNode clientBroker = info.path("EncryptionInTransit", "ClientBroker");
        if (clientBroker != null && clientBroker.isScalar() && !clientBroker.text().trim().equalsIgnoreCase("TLS")) {
            out.report(clientBroker, "Clients may talk to brokers in plaintext");
        }
        TemplateNode inCluster = info.path("EncryptionInTransit", "InCluster");
        if (inCluster != null && inCluster.isFalse()) {
            out.report(inCluster, "Brokers talk to each other in plaintext");
        }
    }
}
