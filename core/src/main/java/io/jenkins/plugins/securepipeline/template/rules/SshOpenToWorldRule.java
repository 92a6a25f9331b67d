package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** SSH from anywhere. */
public final class SshOpenToWorldRule extends AdminPortIngressRule {
    public SshOpenToWorldRule() {
        super("ASP-EC2-002", Severity.HIGH, "SSH", 22, refs("CKV_AWS_24"));
    }
}
