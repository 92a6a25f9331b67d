package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** IMDSv1 answers any request from the instance, which SSRF bugs turn into credential theft. */
public final class InstanceMetadataV1Rule extends TemplateRule {
    public InstanceMetadataV1Rule() {
        super("ASP-EC2-013", Severity.MEDIUM, "Instance metadata service v1 allowed",
                "Set MetadataOptions.HttpTokens: required.", types("AWS::EC2::LaunchTemplate"), refs("CKV_AWS_79"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode options = resource.property("LaunchTemplateData", "MetadataOptions");
        TemplateNode tokens = options == null ? null : options.get("HttpTokens");
        TemplateNode endpoint = options == null ? null : options.get("HttpEndpoint");
        if (endpoint != null && endpoint.is("disabled")) {
            return;
        }
        if (tokens == null) {
            out.report(options, "HttpTokens is not set to required, so IMDSv1 requests are answered");
        } else if (tokens.isScalar() && !tokens.is("required")) {
            out.report(tokens, "HttpTokens is " + tokens.text() + ", so IMDSv1 requests are answered");
        }
    }
}
