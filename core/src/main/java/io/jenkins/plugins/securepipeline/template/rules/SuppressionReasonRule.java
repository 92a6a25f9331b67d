package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * A suppression must say why. Checks the Metadata suppression lists of every resource (ours and the peers'
 * formats); the suppressions still apply, this finding makes the missing reason visible.
 */
public final class SuppressionReasonRule extends TemplateRule {
    public SuppressionReasonRule() {
        super("ASP-SUP-001", Severity.MEDIUM, "Suppression without a reason",
                "Give every suppression a reason (reason, or comment for checkov) saying why the finding is acceptable.",
                types("*"), References.NONE);
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode metadata = resource.metadata();
        if (metadata == null) {
            return;
        }
        check(metadata.path("aws-secure-pipeline", "suppress"), "reason", out);
        check(metadata.path("cfn_nag", "rules_to_suppress"), "reason", out);
        check(metadata.path("cdk_nag", "rules_to_suppress"), "reason", out);
        check(metadata.path("checkov", "skip"), "comment", out);
    }

    private static void check(TemplateNode list, String reasonKey, RuleFindings out) {
        if (list == null) {
            return;
        }
        for (TemplateNode entry : list.asList()) {
            TemplateNode id = entry.get("id");
            TemplateNode reason = entry.get(reasonKey);
            if (reason == null || reason.asText() == null || reason.asText().isBlank()) {
                out.report(entry, "Suppression of " + (id == null ? "an unnamed rule" : id.asText())
                        + " gives no " + reasonKey);
            }
        }
    }
}
