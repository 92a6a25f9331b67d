package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * EKS cluster secrets not encrypted with KMS: an EncryptionConfig entry only protects secrets when it names the
 * {@code secrets} resource and a Provider with a KeyArn.
 */
public final class EksSecretsEncryptionRule extends TemplateRule {
    public EksSecretsEncryptionRule() {
        super("ASP-EKS-002", Severity.MEDIUM, "EKS cluster secrets not encrypted with KMS",
                "Set EncryptionConfig with Resources [secrets] and Provider.KeyArn naming a KMS key.",
                types("AWS::EKS::Cluster"),
                refs("W82", "CKV_AWS_58"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode configs = resource.property("EncryptionConfig");
        if (configs == null) {
            out.report(null, "Kubernetes secrets are not envelope-encrypted (EncryptionConfig is not set)");
            return;
        }
        if (configs.isUnknown()) {
            return;
        }
        boolean secretsCovered = false;
        boolean unknownEntry = false;
        for (TemplateNode config : configs.asList()) {
            if (!config.isMap()) {
                unknownEntry = true;
                continue;
            }
            TemplateNode provider = config.get("Provider");
            TemplateNode keyArn = provider == null ? null : provider.get("KeyArn");
            if (provider == null || provider.isMap() && (keyArn == null || keyArn.is(""))) {
                out.report(provider == null ? config : provider, "An EncryptionConfig entry has no Provider.KeyArn");
            }
            TemplateNode resources = config.get("Resources");
            if (resources == null || resources.asList().stream().anyMatch(TemplateNode::isUnknown)) {
                unknownEntry |= resources != null;
            } else if (resources.asList().stream().anyMatch(r -> r.is("secrets"))) {
                secretsCovered = true;
            }
        }
        if (!secretsCovered && !unknownEntry) {
            out.report(configs, "No EncryptionConfig entry covers the secrets resource");
        }
    }
}
