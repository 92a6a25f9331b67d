package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** EMR security configuration without full encryption. */
public final class EmrSecurityConfigurationEncryptionRule extends TemplateRule {
    public EmrSecurityConfigurationEncryptionRule() {
        super("ASP-EMR-002", Severity.MEDIUM, "EMR security configuration without full encryption",
                "In EncryptionConfiguration set EnableAtRestEncryption and EnableInTransitEncryption to true, with an AtRestEncryptionConfiguration (local disk key provider or S3 encryption mode) and an InTransitEncryptionConfiguration certificate provider.",
                types("AWS::EMR::SecurityConfiguration"),
                refs("W61", "AwsSolutions-EMR4", "AwsSolutions-EMR5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode configuration = resource.property("SecurityConfiguration");
        if (configuration == null || !configuration.isMap()) {
            return; // a JSON string or unknown value cannot be read here
        }
        TemplateNode encryption = configuration.get("EncryptionConfiguration");
        if (encryption == null || !encryption.isMap()) {
            if (encryption == null) {
                out.report(configuration, "EncryptionConfiguration is not set");
            }
            return;
        }
        TemplateNode atRest = encryption.get("EnableAtRestEncryption");
        TemplateNode inTransit = encryption.get("EnableInTransitEncryption");
        if (atRest == null || atRest.isFalse()) {
            out.report(atRest == null ? encryption : atRest, "Encryption at rest is off");
        } else if (atRest.isTrue() && encryption.path("AtRestEncryptionConfiguration", "LocalDiskEncryptionConfiguration", "EncryptionKeyProviderType") == null
                && encryption.path("AtRestEncryptionConfiguration", "S3EncryptionConfiguration", "EncryptionMode") == null) {
            out.report(atRest, "Encryption at rest is on but configures neither local disk nor S3 encryption");
        }
        if (inTransit == null || inTransit.isFalse()) {
            out.report(inTransit == null ? encryption : inTransit, "Encryption in transit is off");
        } else if (inTransit.isTrue() && encryption.path("InTransitEncryptionConfiguration", "TLSCertificateConfiguration", "CertificateProviderType") == null) {
            out.report(inTransit, "Encryption in transit is on but names no certificate provider");
        }
    }
}
