package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** EKS node group allows SSH from anywhere. */
public final class EksNodegroupSshRule extends TemplateRule {
    public EksNodegroupSshRule() {
        super("ASP-EKS-003", Severity.HIGH, "EKS node group allows SSH from anywhere",
                "Name RemoteAccess.SourceSecurityGroups with the key, or remove RemoteAccess (use SSM Session Manager).",
                types("AWS::EKS::Nodegroup"),
                refs("CKV_AWS_100"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode access = resource.property("RemoteAccess");
        if (access != null && access.isMap() && access.get("Ec2SshKey") != null && access.get("SourceSecurityGroups") == null) {
            out.report(access, "With an SSH key and no SourceSecurityGroups, port 22 is open to 0.0.0.0/0");
        }
    }
}
