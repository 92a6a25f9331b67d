package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.RuleInfo;

/**
 * Suppressions users already wrote in resource Metadata, for us and for the peers: ours by rule ID, the peers'
 * through the rule's {@code references}. A suppressed finding is kept and marked, never dropped.
 */
final class Suppressions {
    private Suppressions() {}

    /** How the finding is suppressed ("cfn_nag W35: reason"), or null when it is not. */
    static String find(TemplateNode metadata, RuleInfo rule) {
        if (metadata == null || !metadata.isMap() || rule.id().equals("ASP-SUP-001")) {
            return null; // a missing reason cannot be waived by another missing reason
        }
        String how = match(metadata.path("aws-secure-pipeline", "suppress"), "aws-secure-pipeline", "reason", rule, true);
        if (how == null) {
            how = match(metadata.path("cfn_nag", "rules_to_suppress"), "cfn_nag", "reason", rule, false);
        }
        if (how == null) {
            how = match(metadata.path("checkov", "skip"), "checkov", "comment", rule, false);
        }
        if (how == null) {
            how = match(metadata.path("cdk_nag", "rules_to_suppress"), "cdk_nag", "reason", rule, false);
        }
        return how;
    }

    private static String match(TemplateNode list, String format, String reasonKey, RuleInfo rule, boolean ours) {
        if (list == null) {
            return null;
        }
        for (TemplateNode entry : list.asList()) {
            TemplateNode id = entry.get("id");
            if (id == null || !id.isScalar()) {
                continue;
            }
            boolean matches = ours ? id.text().equals(rule.id()) : rule.references().contains(id.text());
            if (matches) {
                TemplateNode reason = entry.get(reasonKey);
                String text = reason == null || reason.asText() == null || reason.asText().isBlank()
                        ? "no reason given" : reason.asText();
                return format + " " + id.text() + ": " + text;
            }
        }
        return null;
    }
}
