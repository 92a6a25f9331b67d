package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A WAF Classic web ACL that lets through whatever no rule matched. */
public final class WafDefaultAllowRule extends TemplateRule {
    public WafDefaultAllowRule() {
        super("ASP-WAF-001", Severity.MEDIUM, "WAF web ACL allows by default",
                "Set DefaultAction Type BLOCK and allow known traffic with rules.",
                types("AWS::WAF::WebACL", "AWS::WAFRegional::WebACL"), refs("F665"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode type = resource.property("DefaultAction", "Type");
        if (type != null && type.is("ALLOW")) {
            out.report(type, "Requests no rule matches are allowed");
        }
    }
}
