package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Plain HTTP from anywhere. */
public final class HttpOpenToWorldRule extends AdminPortIngressRule {
    public HttpOpenToWorldRule() {
        super("ASP-EC2-004", Severity.LOW, "HTTP", 80, refs("CKV_AWS_260"));
    }
}
