package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** DLM cross-region snapshot copy not encrypted. */
public final class DlmCrossRegionCopyEncryptionRule extends TemplateRule {
    public DlmCrossRegionCopyEncryptionRule() {
        super("ASP-DLM-001", Severity.MEDIUM, "DLM cross-region snapshot copy not encrypted",
                "Set EncryptionConfiguration.Encrypted: true on every CrossRegionCopy action.",
                types("AWS::DLM::LifecyclePolicy"),
                refs("W81"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode actions = resource.property("PolicyDetails", "Actions");
        if (actions == null) {
            return;
        }
        for (TemplateNode action : actions.asList()) {
            TemplateNode copies = action.get("CrossRegionCopy");
            if (copies == null) {
                continue;
            }
            for (TemplateNode copy : copies.asList()) {
                if (!copy.isMap()) {
                    continue;
                }
                TemplateNode encrypted = copy.path("EncryptionConfiguration", "Encrypted");
                if (!copy.reachesUnknown("EncryptionConfiguration", "Encrypted") && (encrypted == null || encrypted.isFalse())) {
                    out.report(encrypted == null ? copy : encrypted, "Snapshot copies to " + copy.get("Target") + " are not encrypted");
                }
            }
        }
    }
}
