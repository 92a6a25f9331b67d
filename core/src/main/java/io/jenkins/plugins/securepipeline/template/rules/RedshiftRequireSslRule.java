package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Redshift parameter group does not require TLS. */
public final class RedshiftRequireSslRule extends TemplateRule {
    public RedshiftRequireSslRule() {
        super("ASP-RS-005", Severity.HIGH, "Redshift parameter group does not require TLS",
                "Add the parameter require_ssl with value true.",
                types("AWS::Redshift::ClusterParameterGroup"),
                refs("CKV_AWS_105", "AwsSolutions-RS1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        RedshiftParameterGroups.Setting setting = RedshiftParameterGroups.parameter(resource, "require_ssl");
        switch (setting.state()) {
            case SET:
                TemplateNode value = setting.value();
                if (value != null && value.isScalar() && !value.isTrue()) {
                    out.report(value, "require_ssl is " + value.text().trim() + ", so clients may connect without encryption");
                }
                break;
            case NOT_SET:
                out.report(setting.list(), "require_ssl is not set, so clients may connect without encryption");
                break;
            default:
                break;
        }
    }
}
