package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** RDP from anywhere. */
public final class RdpOpenToWorldRule extends AdminPortIngressRule {
    public RdpOpenToWorldRule() {
        super("ASP-EC2-003", Severity.HIGH, "RDP", 3389, refs("CKV_AWS_25"));
    }
}
