package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An EMR cluster with neither Kerberos ({@code KerberosAttributes}) nor an EC2 key pair
 * ({@code Instances.Ec2KeyName}): nothing authenticates users of the cluster, as in cdk-nag's AwsSolutions-EMR6.
 * A key pair or Kerberos settings unknown at template time, or an {@code Instances} block unknown as a whole, are
 * not reported; an empty key name counts as none.
 */
public final class EmrAuthenticationRule extends TemplateRule {
    public EmrAuthenticationRule() {
        super("ASP-EMR-003", Severity.MEDIUM, "EMR cluster without Kerberos or an EC2 key pair",
                "Set KerberosAttributes (with a security configuration that enables Kerberos), or Instances.Ec2KeyName.",
                types("AWS::EMR::Cluster"), refs("AwsSolutions-EMR6"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.property("KerberosAttributes") != null || resource.properties().reachesUnknown("Instances", "Ec2KeyName")) {
            return;
        }
        TemplateNode keyName = resource.property("Instances", "Ec2KeyName");
        if (keyName == null || keyName.isScalar() && keyName.text().isBlank()) {
            out.report(keyName != null ? keyName : resource.property("Instances"),
                    "The cluster authenticates nobody: no Kerberos and no EC2 key pair");
        }
    }
}
