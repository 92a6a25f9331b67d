package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** WAFv2 web ACL does not block Log4j exploits. */
public final class WafLog4jRule extends TemplateRule {
    public WafLog4jRule() {
        super("ASP-WAF-002", Severity.HIGH, "WAFv2 web ACL does not block Log4j exploits",
                "Add the managed rule group AWSManagedRulesKnownBadInputsRuleSet with OverrideAction None and without excluding Log4JRCE.",
                types("AWS::WAFv2::WebACL"),
                refs("CKV_AWS_192"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode rules = resource.property("Rules");
        if (resource.properties().reachesUnknown("Rules")) {
            return;
        }
        if (rules != null) {
            for (TemplateNode rule : rules.asList()) {
                TemplateNode group = rule.path("Statement", "ManagedRuleGroupStatement");
                TemplateNode name = group == null ? null : group.get("Name");
                if (!rule.isMap() || name == null || !name.isScalar()
                        || !name.text().trim().equals("AWSManagedRulesKnownBadInputsRuleSet")) {
                    continue;
                }
                TemplateNode excluded = group.get("ExcludedRules");
                if (excluded != null) {
                    for (TemplateNode exclusion : excluded.asList()) {
                        TemplateNode excludedName = exclusion.get("Name");
                        if (excludedName != null && excludedName.isScalar() && excludedName.text().trim().equals("Log4JRCE")) {
                            out.report(excludedName, "The Log4JRCE rule is excluded (counted, not blocked)");
                            return;
                        }
                    }
                }
                TemplateNode override = rule.get("OverrideAction");
                String key = override == null ? null : override.singleKey();
                if (key != null && !key.equals("None")) {
                    out.report(override, "The rule group only counts matches (OverrideAction " + key + ")");
                }
                return;
            }
        }
        out.report(rules, "AWSManagedRulesKnownBadInputsRuleSet is not used, so Log4j lookups are not blocked");
    }
}
