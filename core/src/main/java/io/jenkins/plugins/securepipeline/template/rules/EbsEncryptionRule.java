package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/** EBS volumes, created alone or through block device mappings, must be encrypted. */
public final class EbsEncryptionRule extends TemplateRule {
    public EbsEncryptionRule() {
        super("ASP-EC2-015", Severity.MEDIUM, "EBS volume not encrypted",
                "Set Encrypted: true (or turn on EBS encryption by default for the account and region).",
                types("AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate",
                        "AWS::AutoScaling::LaunchConfiguration"),
                refs("F1", "CKV_AWS_3", "CKV_AWS_8", "AwsSolutions-EC26"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.type().equals("AWS::EC2::Volume")) {
            TemplateNode encrypted = resource.property("Encrypted");
            if (encrypted == null || encrypted.isFalse()) {
                out.report(encrypted, "The volume is not encrypted");
            }
            return;
        }
        TemplateNode mappings = resource.type().equals("AWS::EC2::LaunchTemplate")
                ? resource.property("LaunchTemplateData", "BlockDeviceMappings") : resource.property("BlockDeviceMappings");
        List<TemplateNode> volumes = new ArrayList<>();
        if (mappings != null) {
            for (TemplateNode mapping : mappings.asList()) {
                if (mapping.get("Ebs") != null) {
                    volumes.add(mapping.get("Ebs"));
                }
            }
        }
        for (TemplateNode ebs : volumes) {
            TemplateNode encrypted = ebs.get("Encrypted");
            if (ebs.isMap() && ebs.get("SnapshotId") == null && (encrypted == null || encrypted.isFalse())) {
                out.report(encrypted == null ? ebs : encrypted, "A block device mapping creates an unencrypted EBS volume");
            }
        }
    }
}
